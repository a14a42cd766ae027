package org.stdsearch.corpus;

import static org.stdsearch.corpus.CoverLine.Align.CENTER;
import static org.stdsearch.corpus.CoverLine.Align.LEFT;
import static org.stdsearch.corpus.CoverLine.Align.RIGHT;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a spec into a cover and a block sequence in the layout of its family: GB-style for Chinese standards,
 * ISO/IEC and IEC, ITU-T Recommendations and RFC-style memos. Boilerplate wording follows the drafting rules of
 * the year (GB/T 1.1—2009 says "本标准", GB/T 1.1—2020 "本文件"), so older standards read like older standards.
 */
final class TextComposer {

    private static final String SAMPLE_NOTE_ZH = "本文件为 stdsearch 样例语料中的虚构标准，由项目组编写，仅用于检索测试，不代表任何现行标准的内容。";
    private static final String SAMPLE_NOTE_EN = "This document is a fictional standard written for the stdsearch sample corpus. "
            + "It is used for search testing only and does not reproduce the content of any published standard.";
    private static final String[] ORGANISATIONS = {"星河信息技术研究院", "东湖网络安全实验室", "南湖大学计算机学院",
            "青岚数据科技有限公司", "北辰通信技术有限公司", "海川智能制造研究中心", "云帆计算股份有限公司", "明远标准化研究所"};
    private static final String[] PEOPLE = {"王立新", "陈晓燕", "刘建国", "赵敏", "孙浩", "周婷", "吴磊", "郑雪", "冯涛", "何静", "林越", "高远"};
    private static final String[] EDITIONS = {"First", "Second", "Third", "Fourth"};
    private static final String[] ORDINALS_ZH = {"一", "二", "三", "四"};

    private final ReferenceTitles titles;
    private final Map<String, StandardSpec> byIdentifier;

    TextComposer(ReferenceTitles titles, Map<String, StandardSpec> byIdentifier) {
        this.titles = titles;
        this.byIdentifier = byIdentifier;
    }

    ComposedStandard compose(StandardSpec s) {
        String printed = ReferenceTitles.printed(s.identifier(), s.language());
        return switch (s.family()) {
            case ISO_IEC, IEC -> new ComposedStandard(s, printed, isoCover(s), isoBody(s, Block.TermStyle.ISO));
            case ITU_T -> new ComposedStandard(s, printed, ituCover(s), isoBody(s, Block.TermStyle.ITU));
            case RFC -> new ComposedStandard(s, printed, rfcCover(s), rfcBody(s));
            default -> new ComposedStandard(s, printed, gbCover(s, printed), gbBody(s));
        };
    }

    // ---- Chinese standards -------------------------------------------------------------------------------

    private List<CoverLine> gbCover(StandardSpec s, String printed) {
        List<CoverLine> c = new ArrayList<>();
        c.add(CoverLine.of("ICS " + String.join(" ", s.ics()), LEFT, 10.5f, 0));
        // Before 2021 covers printed the bare CCS (中国标准文献分类号) code; since then it is labelled "CCS".
        String ccs = String.join(" ", s.ccs());
        c.add(CoverLine.of(s.year() >= 2021 ? "CCS " + ccs : ccs, LEFT, 10.5f, 2));
        if (s.family().level().equals("industry")) {
            c.add(CoverLine.of("备案号：" + (10000 + Math.floorMod(s.identifier().hashCode(), 80000)) + "—" + s.year(), LEFT, 9, 2));
        }
        c.add(CoverLine.of(s.family().coverHeading(), CENTER, 22, 30));
        c.add(CoverLine.of(printed, RIGHT, 14, 16));
        for (String old : s.replaces()) {
            c.add(CoverLine.of("代替 " + ReferenceTitles.printed(old, "zh"), RIGHT, 10.5f, 4));
        }
        c.add(CoverLine.rule(8));
        c.add(CoverLine.of(s.titleZh(), CENTER, 20, 90));
        c.add(CoverLine.of(s.titleEn(), CENTER, 12, 18));
        if (s.adoption() != null) {
            String[] a = s.adoption().split(" ", 2);
            c.add(CoverLine.of("（" + a[1] + "，" + a[0] + "）", CENTER, 11, 14));
        }
        c.add(CoverLine.of(s.published() + " 发布\t" + (s.implemented() != null ? s.implemented() + " 实施" : ""), LEFT, 12, 260));
        c.add(CoverLine.rule(6));
        String[] bodies = s.family().issuingBodies(s.year());
        for (int i = 0; i < bodies.length; i++) {
            c.add(CoverLine.of(bodies[i] + (i == bodies.length - 1 ? "   发 布" : ""), CENTER, 14, i == 0 ? 16 : 4));
        }
        return c;
    }

    private List<Block> gbBody(StandardSpec s) {
        List<Block> b = new ArrayList<>();
        b.add(new Block.Section("前言", true));
        for (String p : gbForeword(s)) {
            b.add(new Block.Para(wording(s, p)));
        }
        b.add(new Block.Title(s.titleZh(), true));
        b.add(new Block.Heading("1", "范围", 1));
        b.add(new Block.Para(wording(s, s.scope())));
        b.add(new Block.Heading("2", "规范性引用文件", 1));
        if (s.references().isEmpty()) {
            b.add(new Block.Para(wording(s, "本文件没有规范性引用文件。")));
        } else {
            b.add(new Block.Para(wording(s, s.year() >= 2020
                    ? "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。"
                    : "下列文件对于本文件的应用是必不可少的。凡是注日期的引用文件，仅注日期的版本适用于本文件。凡是不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。")));
            addReferences(s, b);
        }
        b.add(new Block.Heading("3", "术语和定义", 1));
        b.add(new Block.Para(wording(s, "下列术语和定义适用于本文件。")));
        addTerms(s, b, "3.", Block.TermStyle.GB);
        addClauses(s, b);
        for (StandardSpec.Annex a : s.annexes()) {
            b.add(new Block.AnnexHeading(a.letter(), "附录 " + a.letter(), a.normative() ? "（规范性）" : "（资料性）", a.heading()));
            a.paragraphs().forEach(p -> b.add(new Block.Para(wording(s, p))));
        }
        return b;
    }

    private List<String> gbForeword(StandardSpec s) {
        List<String> f = new ArrayList<>();
        int y = s.year();
        f.add(y >= 2020 ? "本文件按照 GB/T 1.1—2020《标准化工作导则 第1部分：标准化文件的结构和起草规则》的规定起草。"
                : y >= 2010 ? "本标准按照 GB/T 1.1—2009 给出的规则起草。"
                : y >= 2001 ? "本标准按照 GB/T 1.1—2000《标准化工作导则 第1部分：标准的结构和编写规则》的规定编写。"
                : "本标准按照 GB/T 1.1—1993《标准化工作导则 第1单元：标准的起草与表述规则 第1部分：标准编写的基本规定》编写。");
        for (String old : s.replaces()) {
            String p = ReferenceTitles.printed(old, "zh");
            f.add("本文件代替 " + p + "《" + titles.title(old, "zh") + "》。与 " + p + " 相比，除结构调整和编辑性改动外，主要技术变化如下：");
            for (int i = 0; i < s.changes().size(); i++) {
                f.add("——" + s.changes().get(i) + (i == s.changes().size() - 1 ? "。" : "；"));
            }
        }
        if (s.adoption() != null) {
            String[] a = s.adoption().split(" ", 2);
            f.add("本文件" + (a[0].equals("IDT") ? "等同" : "修改") + "采用 " + a[1] + "《" + titles.title(a[1], "en") + "》。");
        }
        if (y >= 2010) {
            f.add("请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。");
        }
        f.add("本文件由" + s.committee() + "提出并归口。");
        int h = Math.floorMod(s.identifier().hashCode(), 97);
        f.add("本文件起草单位：" + ORGANISATIONS[h % 8] + "、" + ORGANISATIONS[(h + 3) % 8] + "、" + ORGANISATIONS[(h + 5) % 8] + "。");
        f.add("本文件主要起草人：" + PEOPLE[h % 12] + "、" + PEOPLE[(h + 4) % 12] + "、" + PEOPLE[(h + 7) % 12] + "、" + PEOPLE[(h + 9) % 12] + "。");
        List<StandardSpec> history = history(s);
        if (history.size() > 1) {
            StringBuilder sb = new StringBuilder("本文件及其所代替文件的历次版本发布情况为：");
            for (int i = 0; i < history.size() - 1; i++) {
                StandardSpec e = history.get(i);
                sb.append(i == 0 ? e.year() + " 年首次发布为 " : "；" + e.year() + " 年第" + ORDINALS_ZH[i - 1] + "次修订为 ")
                        .append(ReferenceTitles.printed(e.identifier(), "zh"));
            }
            f.add(sb.append("；本次为第").append(ORDINALS_ZH[history.size() - 2]).append("次修订。").toString());
        }
        f.add(SAMPLE_NOTE_ZH);
        return f;
    }

    /** "本标准" before the 2020 drafting rules, "本文件" after; the catalogue is written in the new wording. */
    private static String wording(StandardSpec s, String text) {
        return s.year() < 2020 ? text.replace("本文件", "本标准") : text;
    }

    // ---- ISO/IEC, IEC and ITU-T --------------------------------------------------------------------------

    private List<CoverLine> isoCover(StandardSpec s) {
        List<CoverLine> c = new ArrayList<>();
        String undated = s.identifier().replaceFirst(":\\d{4}$", "");
        int edition = history(s).size();
        if (s.family() == Family.IEC) {
            c.add(CoverLine.of(undated + "\t", LEFT, 22, 0));
            c.add(CoverLine.of("Edition " + edition + ".0 " + yearMonth(s), LEFT, 11, 8));
            c.add(CoverLine.rule(6));
            c.add(CoverLine.of("INTERNATIONAL STANDARD", LEFT, 20, 30));
            c.add(CoverLine.of("NORME INTERNATIONALE", LEFT, 20, 6));
        } else {
            c.add(CoverLine.of("INTERNATIONAL STANDARD\t" + undated, LEFT, 16, 0));
            c.add(CoverLine.of(EDITIONS[edition - 1] + " edition", RIGHT, 11, 20));
            c.add(CoverLine.of(s.published().toString(), RIGHT, 11, 2));
            c.add(CoverLine.rule(10));
        }
        c.add(CoverLine.of(s.titleEn(), LEFT, 15, 60));
        c.add(CoverLine.of("ICS " + String.join("; ", s.ics()), LEFT, 10, 260));
        c.add(CoverLine.rule(6));
        c.add(CoverLine.of("Reference number\t" + s.identifier() + "(E)", LEFT, 10, 6));
        c.add(CoverLine.of("© " + s.family().prefix() + " " + s.year() + " — stdsearch sample document", LEFT, 9, 6));
        return c;
    }

    private List<CoverLine> ituCover(StandardSpec s) {
        String number = s.identifier().replaceFirst("^ITU-T ", "").replaceFirst(" \\(\\d{4}\\)$", "");
        String monthYear = String.format(Locale.ROOT, "(%02d/%d)", s.published().getMonthValue(), s.year());
        List<CoverLine> c = new ArrayList<>();
        c.add(CoverLine.of("I n t e r n a t i o n a l   T e l e c o m m u n i c a t i o n   U n i o n", LEFT, 10, 0));
        c.add(CoverLine.of("ITU-T\t" + number, LEFT, 28, 20));
        c.add(CoverLine.of("TELECOMMUNICATION\t" + monthYear, LEFT, 11, 8));
        c.add(CoverLine.of("STANDARDIZATION SECTOR OF ITU", LEFT, 11, 2));
        c.add(CoverLine.rule(20));
        c.add(CoverLine.of("SERIES " + number.charAt(0) + ": " + ituSeries(number.charAt(0)), LEFT, 11, 20));
        c.add(CoverLine.rule(20));
        c.add(CoverLine.of(s.titleEn(), LEFT, 16, 30));
        c.add(CoverLine.of("Recommendation " + s.family().prefix() + " " + number, LEFT, 13, 200));
        c.add(CoverLine.of("stdsearch sample document", LEFT, 9, 10));
        return c;
    }

    private static String ituSeries(char series) {
        return switch (series) {
            case 'Y' -> "GLOBAL INFORMATION INFRASTRUCTURE, INTERNET PROTOCOL ASPECTS, NEXT-GENERATION NETWORKS, INTERNET OF THINGS AND SMART CITIES";
            case 'F' -> "NON-TELEPHONE TELECOMMUNICATION SERVICES";
            case 'L' -> "ENVIRONMENT AND ICTS, CLIMATE CHANGE, E-WASTE, ENERGY EFFICIENCY; CONSTRUCTION, INSTALLATION AND PROTECTION OF CABLES";
            default -> "DATA NETWORKS, OPEN SYSTEM COMMUNICATIONS AND SECURITY";
        };
    }

    private List<Block> isoBody(StandardSpec s, Block.TermStyle termStyle) {
        boolean itu = termStyle == Block.TermStyle.ITU;
        List<Block> b = new ArrayList<>();
        b.add(new Block.Section(itu ? "Summary" : "Foreword", true));
        if (itu) {
            b.add(new Block.Para(s.scope()));
            b.add(new Block.Para("Recommendation " + s.identifier().replaceFirst(" \\(\\d{4}\\)$", "") + " was approved on "
                    + s.published() + " by " + s.committee() + " under the ITU-T Recommendation A.8 procedure."));
        } else {
            b.add(new Block.Para("This document was prepared by " + s.committee() + "."));
            List<StandardSpec> history = history(s);
            if (!s.replaces().isEmpty()) {
                b.add(new Block.Para("This " + EDITIONS[history.size() - 1].toLowerCase(Locale.ROOT) + " edition cancels and replaces the "
                        + EDITIONS[history.size() - 2].toLowerCase(Locale.ROOT) + " edition (" + String.join(", ", s.replaces())
                        + "), which has been technically revised."));
                b.add(new Block.Para("The main changes are as follows:"));
                s.changes().forEach(ch -> b.add(new Block.Para("— " + ch + ";")));
            }
        }
        b.add(new Block.Para(SAMPLE_NOTE_EN));
        b.add(new Block.Title(s.titleEn(), true));
        b.add(new Block.Heading("1", "Scope", 1));
        b.add(new Block.Para(s.scope()));
        b.add(new Block.Heading("2", itu ? "References" : "Normative references", 1));
        if (s.references().isEmpty()) {
            b.add(new Block.Para("There are no normative references in this document."));
        } else {
            b.add(new Block.Para(itu
                    ? "The following ITU-T Recommendations and other references contain provisions which, through reference in this text, constitute provisions of this Recommendation. The editions indicated were valid at the time of publication."
                    : "The following documents are referred to in the text in such a way that some or all of their content constitutes requirements of this document. For dated references, only the edition cited applies. For undated references, the latest edition of the referenced document (including any amendments) applies."));
            addReferences(s, b);
        }
        b.add(new Block.Heading("3", itu ? "Definitions" : "Terms and definitions", 1));
        b.add(new Block.Para(itu ? "This Recommendation defines the following terms:"
                : "For the purposes of this document, the following terms and definitions apply."));
        addTerms(s, b, "3.", termStyle);
        addClauses(s, b);
        for (StandardSpec.Annex a : s.annexes()) {
            b.add(new Block.AnnexHeading(a.letter(), itu ? "Annex " + a.letter() : "Annex " + a.letter(),
                    itu ? (a.normative() ? "(This annex forms an integral part of this Recommendation.)" : "(This appendix does not form an integral part of this Recommendation.)")
                        : a.normative() ? "(normative)" : "(informative)", a.heading()));
            a.paragraphs().forEach(p -> b.add(new Block.Para(p)));
        }
        return b;
    }

    // ---- RFC-style memos -----------------------------------------------------------------------------------

    private List<CoverLine> rfcCover(StandardSpec s) {
        String date = s.published().format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));
        List<CoverLine> c = new ArrayList<>();
        c.add(CoverLine.of(s.family().coverHeading() + "\t" + "L. Chen", LEFT, 10, 0));
        c.add(CoverLine.of("Request for Comments: " + s.identifier().substring(4) + "\tstdsearch sample", LEFT, 10, 0));
        c.add(CoverLine.of("Category: " + (s.type().equals("guidance") ? "Informational" : "Standards Track") + "\t" + date, LEFT, 10, 0));
        c.add(CoverLine.of("ISSN: 2070-1721", LEFT, 10, 0));
        c.add(CoverLine.of(s.titleEn(), CENTER, 12, 24));
        return c;
    }

    private List<Block> rfcBody(StandardSpec s) {
        List<Block> b = new ArrayList<>();
        b.add(new Block.Section("Abstract", false));
        b.add(new Block.Para(s.scope()));
        b.add(new Block.Section("Status of This Memo", false));
        b.add(new Block.Para(SAMPLE_NOTE_EN + " It is not an IETF publication and was not reviewed by the IESG; the RFC number lies outside the range the RFC Editor has assigned."));
        addClauses(s, b);
        int next = s.clauses().stream().mapToInt(c -> Integer.parseInt(c.number().split("\\.")[0])).max().orElse(0) + 1;
        b.add(new Block.Heading(String.valueOf(next), "Normative References", 1));
        addReferences(s, b);
        b.add(new Block.Section("Author's Address", false));
        b.add(new Block.Para("L. Chen, stdsearch sample corpus. Email: corpus@stdsearch.invalid"));
        return b;
    }

    // ---- shared --------------------------------------------------------------------------------------------

    private void addReferences(StandardSpec s, List<Block> b) {
        for (String ref : s.references()) {
            String printed = s.family() == Family.RFC ? "[" + ref.replace(" ", "") + "]"
                    : ReferenceTitles.printed(ref, s.language());
            b.add(new Block.Reference(ref, printed, titles.title(ref, s.language())));
        }
    }

    private static void addTerms(StandardSpec s, List<Block> b, String prefix, Block.TermStyle style) {
        for (int i = 0; i < s.terms().size(); i++) {
            StandardSpec.Term t = s.terms().get(i);
            String number = style == Block.TermStyle.RFC ? null : prefix + (i + 1);
            b.add(new Block.TermEntry(number, t.zh(), t.en(), wording(s, t.definition()), style));
        }
    }

    private static void addClauses(StandardSpec s, List<Block> b) {
        for (StandardSpec.Clause c : s.clauses()) {
            b.add(new Block.Heading(c.number(), c.heading(), c.level()));
            c.paragraphs().forEach(p -> b.add(new Block.Para(wording(s, p))));
            // RFC memos define their terms inside the section named for them.
            if (s.family() == Family.RFC && c.heading().equals("Terminology")) {
                addTerms(s, b, "", Block.TermStyle.RFC);
            }
        }
    }

    /** The editions of this standard's line, oldest first, ending with {@code s}. */
    List<StandardSpec> history(StandardSpec s) {
        List<StandardSpec> chain = new ArrayList<>();
        StandardSpec cur = s;
        while (cur != null) {
            chain.addFirst(cur);
            cur = cur.replaces().isEmpty() ? null : byIdentifier.get(cur.replaces().getFirst());
        }
        return chain;
    }

    private static String yearMonth(StandardSpec s) {
        return String.format(Locale.ROOT, "%d-%02d", s.year(), s.published().getMonthValue());
    }
}
