package org.stdsearch.corpus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Titles of the documents a corpus standard may cite: real standards (only their identifier and title, which is
 * how standards cite each other) plus every standard of the corpus itself, added by {@link #add}.
 */
final class ReferenceTitles {

    private static final Map<String, String> REAL = Map.ofEntries(
            Map.entry("GB/T 1.1-2020", "标准化工作导则 第1部分：标准化文件的结构和起草规则"),
            Map.entry("GB/T 5271.1-2000", "信息技术 词汇 第1部分：基本术语"),
            Map.entry("GB 18030-2022", "信息技术 中文编码字符集"),
            Map.entry("GB/T 20984-2022", "信息安全技术 信息安全风险评估方法"),
            Map.entry("GB/T 22239-2019", "信息安全技术 网络安全等级保护基本要求"),
            Map.entry("GB/T 25069-2022", "信息安全技术 术语"),
            Map.entry("GB/T 32400-2015", "信息技术 云计算 概览与词汇"),
            Map.entry("GB/T 32905-2016", "信息安全技术 SM3密码杂凑算法"),
            Map.entry("GB/T 32907-2016", "信息安全技术 SM4分组密码算法"),
            Map.entry("GB/T 32918.2-2016", "信息安全技术 SM2椭圆曲线公钥密码算法 第2部分：数字签名算法"),
            Map.entry("GB/T 35273-2020", "信息安全技术 个人信息安全规范"),
            Map.entry("GB/T 36073-2018", "数据管理能力成熟度评估模型"),
            Map.entry("GB/T 36344-2018", "信息技术 数据质量评价指标"),
            Map.entry("GB/T 37668-2019", "信息技术 互联网内容无障碍可访问性技术要求与测试方法"),
            Map.entry("GB/T 37988-2019", "信息安全技术 数据安全能力成熟度模型"),
            Map.entry("GB/T 38664.1-2020", "信息技术 大数据 政务数据开放共享 第1部分：总则"),
            Map.entry("GB/T 39786-2021", "信息安全技术 信息系统密码应用基本要求"),
            Map.entry("GB/T 41867-2022", "信息技术 人工智能 术语"),
            Map.entry("GB/T 32150-2015", "工业企业温室气体排放核算和报告通则"),
            Map.entry("GB 40879-2021", "数据中心能效限定值及能效等级"),
            Map.entry("GM/T 0028-2014", "密码模块安全技术要求"),
            Map.entry("GM/T 0005-2021", "随机性检测规范"),
            Map.entry("ISO/IEC 27000:2018", "Information technology — Security techniques — Information security management systems — Overview and vocabulary"),
            Map.entry("ISO/IEC 22989:2022", "Information technology — Artificial intelligence — Artificial intelligence concepts and terminology"),
            Map.entry("ISO/IEC 23894:2023", "Information technology — Artificial intelligence — Guidance on risk management"),
            Map.entry("ISO/IEC 17788:2014", "Information technology — Cloud computing — Overview and vocabulary"),
            Map.entry("ISO/IEC 19790:2012", "Information technology — Security techniques — Security requirements for cryptographic modules"),
            Map.entry("ISO/IEC 30134-2:2016", "Information technology — Data centres — Key performance indicators — Part 2: Power usage effectiveness (PUE)"),
            Map.entry("ISO 14064-1:2018", "Greenhouse gases — Part 1: Specification with guidance at the organization level for quantification and reporting of greenhouse gas emissions and removals"),
            Map.entry("ISO 14721:2012", "Space data and information transfer systems — Open archival information system (OAIS) — Reference model"),
            Map.entry("ISO 15489-1:2016", "Information and documentation — Records management — Part 1: Concepts and principles"),
            Map.entry("IEC 62443-3-3:2013", "Industrial communication networks — Network and system security — Part 3-3: System security requirements and security levels"),
            Map.entry("ITU-T G.984.1 (2008)", "Gigabit-capable passive optical networks (GPON): General characteristics"),
            Map.entry("ITU-T X.509 (2019)", "Information technology – Open Systems Interconnection – The Directory: Public-key and attribute certificate frameworks"),
            Map.entry("ITU-T Y.3172 (2019)", "Architectural framework for machine learning in future networks including IMT-2020"),
            Map.entry("RFC 2119", "Key words for use in RFCs to Indicate Requirement Levels"),
            Map.entry("RFC 8174", "Ambiguity of Uppercase vs Lowercase in RFC 2119 Key Words"),
            Map.entry("RFC 8200", "Internet Protocol, Version 6 (IPv6) Specification"),
            Map.entry("RFC 8259", "The JavaScript Object Notation (JSON) Data Interchange Format"),
            Map.entry("IEEE 802.3-2018", "IEEE Standard for Ethernet"));

    private final Map<String, String[]> corpus = new LinkedHashMap<>();

    void add(StandardSpec spec) {
        corpus.put(spec.identifier(), new String[] {spec.titleZh(), spec.titleEn()});
    }

    boolean inCorpus(String identifier) {
        return corpus.containsKey(identifier);
    }

    static boolean isReal(String identifier) {
        return REAL.containsKey(identifier);
    }

    /** The title to print next to {@code identifier} in a standard written in {@code language}. */
    String title(String identifier, String language) {
        String[] own = corpus.get(identifier);
        if (own != null) {
            return language.equals("zh") && own[0] != null ? own[0] : own[1];
        }
        String real = REAL.get(identifier);
        if (real == null) {
            throw new IllegalArgumentException("identifier: no title known for " + identifier);
        }
        return real;
    }

    /** How {@code identifier} is printed in a standard written in {@code language}: Chinese ones with "—". */
    static String printed(String identifier, String language) {
        Family family = familyOrNull(identifier);
        if (family != null && family.usesDashOnPage()) {
            return identifier.replaceFirst("-(\\d{4})$", "—$1");
        }
        return identifier;
    }

    static Family familyOrNull(String identifier) {
        try {
            return Family.of(identifier);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
