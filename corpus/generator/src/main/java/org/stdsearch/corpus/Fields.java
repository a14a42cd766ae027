package org.stdsearch.corpus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The technology-field ids the catalogue may use, taken from corpus/taxonomy.json (the eight key fields of the
 * 2024–2027 informatization standards action plan: cit, di, dr, id, eg, ps, dc, dg, and their sub-fields).
 * {@link CorpusGenerator} refuses an id that is not in the taxonomy on disk, so a taxonomy rename shows up here.
 */
final class Fields {

    static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("cit", "关键信息技术");
        KNOWN.put("cit.ic", "芯片/集成电路");
        KNOWN.put("cit.bs", "基础软件");
        KNOWN.put("cit.is", "工业软件");
        KNOWN.put("cit.ai", "人工智能");
        KNOWN.put("cit.ai.gen", "生成式人工智能");
        KNOWN.put("cit.bc", "区块链");
        KNOWN.put("cit.cc", "云计算");
        KNOWN.put("cit.qi", "量子信息");
        KNOWN.put("cit.bci", "脑机接口");
        KNOWN.put("cit.ni", "下一代互联网");
        KNOWN.put("cit.mv", "元宇宙");
        KNOWN.put("cit.sec", "网络安全");
        KNOWN.put("cit.sec.crypto", "密码");
        KNOWN.put("di", "数字基础设施");
        KNOWN.put("di.net", "网络基础设施");
        KNOWN.put("di.net.mobile", "移动通信");
        KNOWN.put("di.net.optical", "光网络");
        KNOWN.put("di.cp", "算力基础设施");
        KNOWN.put("di.cp.dc", "数据中心/算力中心");
        KNOWN.put("di.cp.cn", "算力网络");
        KNOWN.put("dr", "数据资源");
        KNOWN.put("dr.pub", "公共数据");
        KNOWN.put("dr.sec", "数据安全");
        KNOWN.put("id", "产业数字化");
        KNOWN.put("id.iiot", "工业互联网");
        KNOWN.put("id.sm", "智能制造");
        KNOWN.put("id.fin", "金融科技");
        KNOWN.put("eg", "电子政务");
        KNOWN.put("eg.svc", "政务服务");
        KNOWN.put("ps", "惠民信息服务");
        KNOWN.put("ps.access", "信息无障碍/适老化");
        KNOWN.put("dc", "数字文化");
        KNOWN.put("dc.heritage", "文化遗产数字化");
        KNOWN.put("dg", "数字化绿色化协同");
        KNOWN.put("dg.ict", "信息通信业节能");
        KNOWN.put("dg.carbon", "碳排放核算");
    }

    private Fields() {}
}
