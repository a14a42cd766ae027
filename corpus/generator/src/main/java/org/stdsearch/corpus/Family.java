package org.stdsearch.corpus;

/**
 * An identifier family: the prefix before the number decides the level, the default type, the cover heading and
 * who publishes. Issuing bodies change with the year because the ministries were reorganised (2008, 2018).
 */
enum Family {
    GB("GB", "national", "mandatory", "中华人民共和国国家标准"),
    GB_T("GB/T", "national", "recommended", "中华人民共和国国家标准"),
    GB_Z("GB/Z", "national", "guidance", "中华人民共和国国家标准化指导性技术文件"),
    YD_T("YD/T", "industry", "recommended", "中华人民共和国通信行业标准"),
    SJ_T("SJ/T", "industry", "recommended", "中华人民共和国电子行业标准"),
    GA_T("GA/T", "industry", "recommended", "中华人民共和国公共安全行业标准"),
    JR_T("JR/T", "industry", "recommended", "中华人民共和国金融行业标准"),
    GM_T("GM/T", "industry", "recommended", "中华人民共和国密码行业标准"),
    WH_T("WH/T", "industry", "recommended", "中华人民共和国文化行业标准"),
    DB31_T("DB31/T", "local", "recommended", "上海市地方标准"),
    T_STDS("T/STDS", "group", "recommended", "团体标准"),
    T_CESA("T/CESA", "group", "recommended", "团体标准"),
    ISO_IEC("ISO/IEC", "international", "recommended", "INTERNATIONAL STANDARD"),
    IEC("IEC", "international", "recommended", "INTERNATIONAL STANDARD"),
    ITU_T("ITU-T", "international", "recommended", "INTERNATIONAL TELECOMMUNICATION UNION"),
    RFC("RFC", "international", "guidance", "Internet Engineering Task Force (IETF)");

    private final String prefix;
    private final String level;
    private final String defaultType;
    private final String coverHeading;

    Family(String prefix, String level, String defaultType, String coverHeading) {
        this.prefix = prefix;
        this.level = level;
        this.defaultType = defaultType;
        this.coverHeading = coverHeading;
    }

    /** The family of an identifier such as "GB/T 22180-2024" or "RFC 12001": longest prefix wins (GB/T before GB). */
    static Family of(String identifier) {
        Family best = null;
        for (Family f : values()) {
            if ((identifier.startsWith(f.prefix + " ") || identifier.startsWith(f.prefix + "."))
                    && (best == null || f.prefix.length() > best.prefix.length())) {
                best = f;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("identifier: no family for " + identifier);
        }
        return best;
    }

    String prefix() {
        return prefix;
    }

    String level() {
        return level;
    }

    String defaultType() {
        return defaultType;
    }

    String coverHeading() {
        return coverHeading;
    }

    boolean chinese() {
        return !level.equals("international");
    }

    /** Chinese identifiers print "GB/T 22180—2024" on the page; the canonical form uses a hyphen. */
    boolean usesDashOnPage() {
        return chinese();
    }

    /** Who publishes a Chinese standard of this family in {@code year}; one line per body. */
    String[] issuingBodies(int year) {
        return switch (this) {
            case GB, GB_T, GB_Z -> year >= 2018 ? new String[] {"国家市场监督管理总局", "国家标准化管理委员会"}
                    : year >= 2001 ? new String[] {"中华人民共和国国家质量监督检验检疫总局", "中 国 国 家 标 准 化 管 理 委 员 会"}
                    : new String[] {"国家质量技术监督局"};
            case YD_T, SJ_T -> year >= 2008 ? new String[] {"中华人民共和国工业和信息化部"} : new String[] {"中华人民共和国信息产业部"};
            case GA_T -> new String[] {"中华人民共和国公安部"};
            case JR_T -> new String[] {"中国人民银行"};
            case GM_T -> new String[] {"国家密码管理局"};
            case WH_T -> new String[] {"中华人民共和国文化和旅游部"};
            case DB31_T -> new String[] {"上海市市场监督管理局"};
            case T_STDS -> new String[] {"示例信息技术标准化协会"};
            case T_CESA -> new String[] {"中国电子工业标准化技术协会"};
            default -> new String[0];
        };
    }

    /** The committee named in the foreword when the catalogue does not name one. */
    String defaultCommittee() {
        return switch (this) {
            case GB, GB_T, GB_Z -> "全国信息技术标准化技术委员会（SAC/TC 28）";
            case YD_T -> "中国通信标准化协会";
            case SJ_T -> "工业和信息化部电子工业标准化研究院";
            case GA_T -> "公安部信息系统安全标准化技术委员会";
            case JR_T -> "全国金融标准化技术委员会（SAC/TC 180）";
            case GM_T -> "密码行业标准化技术委员会";
            case WH_T -> "全国图书馆标准化技术委员会（SAC/TC 389）";
            case DB31_T -> "上海市经济和信息化委员会";
            case T_STDS -> "示例信息技术标准化协会标准工作组";
            case T_CESA -> "中国电子工业标准化技术协会";
            case ISO_IEC -> "Joint Technical Committee ISO/IEC JTC 1, Information technology";
            case IEC -> "IEC technical committee 65: Industrial-process measurement, control and automation";
            case ITU_T -> "ITU-T Study Group 13 (2022-2024)";
            case RFC -> "Sample Working Group";
        };
    }
}
