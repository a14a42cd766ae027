#!/usr/bin/env python3
"""Deterministic generator of synthetic technical standards for the benchmarks (issue 7).

Usage: gen-standards.py OUT_DIR N [SEED=7] [--taxonomy corpus/taxonomy.json]

Writes N documents under OUT_DIR/<family>/ as .txt (60%) or .html (40%), 10-200 KB of text each
(log-uniform), with:
  * a cover the indexer's recognisers read: GB-style (banner, `GB/T 12345—2020`, Chinese title,
    English title, dates, ICS/CCS) for GB, GB/T, YD/T, GM/T, JT/T, T/...; an RFC header
    (`Request for Comments: NNNN`) for RFCs; an English cover for ISO/IEC and ITU-T;
  * clauses (1 范围 / Scope, 2 references to other generated identifiers, 3 terms and
    definitions, then numbered clauses and subclauses) of Zipf-distributed Chinese or English
    technical vocabulary, with keywords of the document's technology fields (ids from the taxonomy);
  * a `.meta.json` sidecar (identifier, title_zh, title_en, year, fields) for half of the files.
Also writes OUT_DIR/../<name>.queries.tsv (kind<TAB>q) for the query benchmarks, from the same seed.
Same arguments, same bytes: every random choice comes from one seeded generator.
"""
import argparse, json, math, os, random

EN_BASE = """protocol transport session packet header payload checksum encoding decoding cipher
certificate handshake authentication authorization token key exchange signature digest hash nonce
replay integrity confidentiality codec bitrate sampling frame resolution compression container
stream manifest segment latency jitter buffer congestion window acknowledgment retransmission
multicast unicast broadcast routing prefix address subnet gateway tunnel encapsulation
fragmentation datagram socket port interface register memory cache block sector volume filesystem
journal snapshot replication consistency durability partition shard cluster node replica quorum
consensus leader follower election timeout heartbeat lease antenna spectrum channel modulation
carrier bandwidth interference fading beamforming handover roaming association beacon preamble
symbol subcarrier voltage current impedance frequency harmonic transformer inverter battery
charger grid meter load converter rectifier insulation grounding fault vehicle braking steering
sensor actuator controller diagnostic telemetry firmware bootloader calibration torque powertrain
chassis markup stylesheet selector element attribute namespace schema document resource
identifier hyperlink cookie origin script worker accessibility conformance requirement normative
informative compliance interoperability specification profile extension registry parameter field
value octet integer string boolean array object sequence version negotiation capability feature
option mandatory optional deprecated security considerations implementation guidance terminology
definitions abbreviations references annex appendix clause subclause table figure test vector
procedure verification validation measurement tolerance threshold limit range accuracy precision
error recovery robustness management service platform application system network data device
information technology requirements method evaluation assessment classification architecture
framework model reference format code mapping algorithm encryption decryption random generator
storage retrieval index query metadata catalogue archive preservation transmission terminal base
station core access mobile optical satellite wireless industrial internet cloud computing edge
artificial intelligence blockchain privacy personal protection audit logging monitoring""".split()

# Common technical words of Chinese standards (two to four characters).
ZH_BASE = """标准 网络 协议 数据 安全 传输 接口 编码 加密 认证 无线 电力 汽车 存储 多媒体 测试 要求 规范 术语
定义 附录 信息技术 通信 设备 系统 方法 服务 平台 应用 管理 技术 信息 分类 代码 格式 结构 模型 框架 评估
检测 试验 指标 参数 功能 性能 可靠性 兼容性 互操作 完整性 保密性 可用性 密码 密钥 签名 摘要 算法 证书
身份 鉴别 授权 访问 控制 审计 日志 监测 预警 应急 响应 备份 恢复 容灾 终端 基站 核心网 接入网 移动
光纤 卫星 物联网 工业互联网 云计算 边缘计算 人工智能 大数据 区块链 个人信息 隐私 保护 数据中心 服务器
操作系统 数据库 中间件 软件 硬件 芯片 集成电路 处理器 存储器 传感器 控制器 执行器 通信模块 天线 射频
频谱 信道 调制 带宽 干扰 时延 抖动 吞吐量 丢包 拥塞 路由 交换 地址 报文 分组 帧 字段 标识 版本 扩展
注册 配置 部署 运行 维护 升级 生命周期 供应链 质量 符合性 一致性 验证 确认 测量 精度 误差 阈值 范围
限值 等级 级别 类别 场景 用例 流程 过程 活动 任务 角色 职责 组织 机构 用户 客户 对象 实体 属性 关系
元数据 目录 索引 检索 查询 归档 保存 迁移 转换 映射 交换格式 电子文件 电子政务 电子商务 智慧城市 智能
制造 工业控制 能源 电网 充电 电池 车辆 车联网 自动驾驶 导航 定位 时间同步 视频 音频 图像 语音 文本
语言 字符集 汉字 编码字符集 传输层 应用层 网络层 链路层 物理层 会话 握手 重传 确认 超时 心跳 选举""".split()

ZH_CHARS = "数据信息网络安全系统服务平台应用管理技术设备接口协议传输编码加密认证控制存储计算智能通信测试评估监测"

TITLE_EN_HEAD = ["Information technology", "Information security technology", "Telecommunications",
                 "Intelligent transport systems", "Industrial automation", "Smart grid", "Data management"]
TITLE_ZH_HEAD = ["信息技术", "信息安全技术", "电信", "智能运输系统", "工业自动化", "智能电网", "数据管理"]

FAMILIES = [  # name, weight, folder, kind of cover
    ("GB/T", 30, "gbt", "gb"), ("GB", 5, "gb", "gb"), ("YD/T", 15, "ydt", "gb"), ("GM/T", 5, "gmt", "gb"),
    ("JT/T", 3, "jtt", "gb"), ("T/CCSA", 2, "group", "gb"), ("ISO/IEC", 15, "iso", "iso"),
    ("ITU-T X.", 5, "itu", "iso"), ("RFC", 20, "rfc", "rfc"),
]
BANNER = {"GB/T": "中华人民共和国国家标准", "GB": "中华人民共和国国家标准", "YD/T": "中华人民共和国通信行业标准",
          "GM/T": "中华人民共和国密码行业标准", "JT/T": "中华人民共和国交通运输行业标准", "T/CCSA": "团体标准"}


def zipf_weights(n, s=1.0):
    return [1.0 / (i + 1) ** s for i in range(n)]


def cumulative(ws):
    out, t = [], 0.0
    for w in ws:
        t += w
        out.append(t)
    return out


def pseudo_words(rng, n):
    syl = ["ra", "to", "ni", "ve", "ka", "lo", "mi", "sa", "de", "qu", "ix", "or", "en", "al", "us",
           "ph", "th", "ex", "io", "an", "ber", "con", "tri", "lex"]
    out = set()
    while len(out) < n:
        out.add("".join(rng.choice(syl) for _ in range(rng.randint(2, 4))))
    return sorted(out)


def zh_compounds(rng, n):
    out = set()
    while len(out) < n:
        out.add("".join(rng.choice(ZH_CHARS) for _ in range(rng.randint(2, 4))))
    return sorted(out)


def taxonomy_fields(path):
    with open(path, encoding="utf-8") as f:
        tax = json.load(f)
    out = []

    def walk(nodes):
        for node in nodes:
            kws = list((node.get("keywords") or {}).keys())
            out.append((node["id"], [k for k in kws if not k.isascii()], [k for k in kws if k.isascii()]))
            walk(node.get("children") or [])
    walk(tax["fields"])
    return out


class Generator:
    def __init__(self, seed, taxonomy):
        self.rng = rng = random.Random(seed)
        # Real words make the frequent head (order shuffled by the seed), made-up ones the long tail.
        head_en, head_zh = list(EN_BASE), list(ZH_BASE)
        rng.shuffle(head_en)
        rng.shuffle(head_zh)
        self.en = head_en + [w for w in pseudo_words(rng, 6000) if w not in EN_BASE]
        self.zh = head_zh + [w for w in zh_compounds(rng, 4000) if w not in ZH_BASE]
        self.en_cum = cumulative(zipf_weights(len(self.en)))
        self.zh_cum = cumulative(zipf_weights(len(self.zh)))
        self.fields = taxonomy
        self.fam_cum = cumulative([f[1] for f in FAMILIES])
        self.issued = []  # identifiers generated so far, for references

    def words(self, zh, k):
        if zh:
            return self.rng.choices(self.zh, cum_weights=self.zh_cum, k=k)
        return self.rng.choices(self.en, cum_weights=self.en_cum, k=k)

    def paragraph(self, zh, nbytes, keywords):
        rng = self.rng
        if zh:
            k = max(8, nbytes // 8)  # ~2.7 characters of 3 bytes per word
            ws = self.words(True, k)
            for _ in range(max(1, k // 60)):
                if keywords:
                    ws[rng.randrange(k)] = rng.choice(keywords)
            out = []
            for i, w in enumerate(ws):
                out.append(w)
                if i % 11 == 10:
                    out.append("，" if i % 33 != 32 else "。")
            return "".join(out) + "。"
        k = max(8, nbytes // 8)
        ws = self.words(False, k)
        for _ in range(max(1, k // 60)):
            if keywords:
                ws[rng.randrange(k)] = rng.choice(keywords)
        ws[0] = ws[0].capitalize()
        return " ".join(ws) + "."

    def identifier(self, family, year):
        rng = self.rng
        if family == "RFC":
            return "RFC %d" % rng.randint(1000, 9999)
        if family == "ISO/IEC":
            return "ISO/IEC %d-%d:%d" % (rng.randint(1000, 30000), rng.randint(1, 9), year)
        if family == "ITU-T X.":
            return "ITU-T X.%d (%02d/%d)" % (rng.randint(200, 1500), rng.randint(1, 12), year)
        if family == "T/CCSA":
            return "T/CCSA %d—%d" % (rng.randint(100, 500), year)
        return "%s %d—%d" % (family, rng.randint(1000, 45000), year)

    def document(self, i):
        rng = self.rng
        fam, _, folder, cover = FAMILIES[rng.choices(range(len(FAMILIES)), cum_weights=self.fam_cum)[0]]
        year = rng.randint(1995, 2025)
        ident = self.identifier(fam, year)
        zh = cover == "gb"
        nfields = 1 if rng.random() < 0.7 else 2
        fields = rng.sample(self.fields, nfields)
        kw_zh = [k for f in fields for k in f[1]] or None
        kw_en = [k for f in fields for k in f[2]] or None
        head = rng.randrange(len(TITLE_EN_HEAD))
        subj_zh = "".join(self.words(True, 2)) + (kw_zh[0] if kw_zh else "")
        subj_en = " ".join(self.words(False, 3)) + (" " + kw_en[0] if kw_en else "")
        title_zh = "%s  %s" % (TITLE_ZH_HEAD[head], subj_zh + rng.choice(["技术要求", "测试方法", "总体框架", "安全要求", "接口规范"]))
        title_en = "%s—%s" % (TITLE_EN_HEAD[head], subj_en.capitalize() + rng.choice([" technical requirements", " test methods", " framework", " security requirements", " interface specification"]))
        target = int(math.exp(rng.uniform(math.log(10_000), math.log(200_000))))
        lines = self.cover(cover, fam, ident, year, title_zh, title_en)
        size = sum(len(x.encode()) for x in lines)
        refs = rng.sample(self.issued, min(len(self.issued), rng.randint(2, 8)))
        lines += self.front_clauses(zh, refs, title_zh if zh else title_en, kw_zh if zh else kw_en)
        clause = 4
        while size < target:
            lines.append("%d %s" % (clause, "".join(self.words(True, 2)) if zh else " ".join(self.words(False, 2)).capitalize()))
            for sub in range(1, rng.randint(2, 6)):
                lines.append("%d.%d %s" % (clause, sub, "".join(self.words(True, 2)) if zh else " ".join(self.words(False, 3)).capitalize()))
                for _ in range(rng.randint(1, 4)):
                    p = self.paragraph(zh, rng.randint(300, 1500), kw_zh if zh else kw_en)
                    lines.append(p)
                    size += len(p.encode())
                if size >= target:
                    break
            clause += 1
        self.issued.append(ident)
        ext = "html" if rng.random() < 0.4 else "txt"
        safe = ident.replace("/", "_").replace("—", "-").replace(" ", "_").replace(":", "-").replace("(", "").replace(")", "")
        name = "%s/%06d_%s.%s" % (folder, i, safe, ext)
        sidecar = None
        if rng.random() < 0.5:
            sidecar = {"identifier": ident.replace("—", "-"), "title_zh": title_zh if zh else None,
                       "title_en": title_en, "year": year, "fields": [f[0] for f in fields]}
            sidecar = {k: v for k, v in sidecar.items() if v is not None}
        return name, ext, lines, title_en, sidecar, ident, fields

    def cover(self, kind, fam, ident, year, title_zh, title_en):
        rng = self.rng
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        if kind == "gb":
            return ["ICS %02d.%03d" % (rng.choice([33, 35, 29, 43]), rng.randint(10, 240)),
                    "CCS %s %02d" % (rng.choice("LMKR"), rng.randint(10, 99)), "",
                    BANNER[fam], "", ident, "", title_zh, "", title_en, "",
                    "%d-%02d-%02d 发布" % (year, month, day), "%d-%02d-%02d 实施" % (year, min(12, month + 3), day), "",
                    "国家市场监督管理总局  国家标准化管理委员会  发布", ""]
        if kind == "rfc":
            months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
            return ["Internet Engineering Task Force (IETF)                          A. Author",
                    "Request for Comments: %s                                     Example Corp" % ident.split()[1],
                    "Category: Standards Track                              %s %d" % (months[month - 1], year),
                    "ISSN: 2070-1721", "", "", "        " + title_en.split("—", 1)[1], "", "Abstract", ""]
        return ["INTERNATIONAL STANDARD", "", ident, "", "Edition %d, %d-%02d-%02d" % (rng.randint(1, 4), year, month, day),
                "", title_en, "", "Reference number " + ident, ""]

    def front_clauses(self, zh, refs, title, keywords):
        rng = self.rng
        out = ["1 范围" if zh else "1 Scope", ("本文件规定了" + title + "的要求。") if zh else ("This document specifies " + title + "."),
               self.paragraph(zh, 600, keywords), "2 规范性引用文件" if zh else "2 Normative references"]
        for r in refs:
            out.append("%s  %s" % (r, "".join(self.words(True, 3)) if zh else " ".join(self.words(False, 4)).capitalize()))
        out.append("3 术语和定义" if zh else "3 Terms and definitions")
        for t in range(1, rng.randint(3, 12)):
            zh_term = "".join(self.words(True, 2))
            en_term = " ".join(self.words(False, 2))
            out += ["3.%d" % t, "%s  %s" % (zh_term, en_term) if zh else en_term, self.paragraph(zh, 200, keywords)]
        return out


def write(out, name, ext, lines, title, sidecar):
    path = os.path.join(out, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if ext == "html":
        esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")
        body = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\"><title>%s</title></head><body>" % esc(title)]
        body += ["<p>%s</p>" % esc(l) if l else "" for l in lines]
        text = "\n".join(body) + "\n</body></html>\n"
    else:
        text = "\n".join(lines) + "\n"
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    if sidecar:
        with open(path + ".meta.json", "w", encoding="utf-8") as f:
            json.dump(sidecar, f, ensure_ascii=False)
    return len(data)


def queries(gen, idents, n=400):
    """Typical queries by kind: English terms, Chinese words, loose identifiers, phrases."""
    rng = random.Random(99)
    mid_en = gen.en[5:400]   # neither stop-word frequent nor absent
    mid_zh = [w for w in gen.zh[3:600] if 2 <= len(w) <= 4]
    out = []
    for i in range(n):
        kind = ["en1", "en2", "zh", "id", "phrase"][i % 5]
        if kind == "en1":
            q = rng.choice(mid_en)
        elif kind == "en2":
            q = "%s %s" % (rng.choice(mid_en), rng.choice(mid_en))
        elif kind == "zh":
            q = rng.choice(mid_zh)
        elif kind == "id":
            ident = rng.choice(idents)
            parts = ident.replace("—", "-").split()
            loose = [ident.replace("—", "-"), ident.replace(" ", "").replace("—", "-"),
                     parts[0].replace("/", "").lower() + " " + " ".join(parts[1:]).split("-")[0].split(":")[0]]
            q = rng.choice(loose)
        else:
            q = '"%s %s"' % (gen.en[rng.randrange(2, 40)], gen.en[rng.randrange(2, 40)])
        out.append((kind, q))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    ap.add_argument("seed", type=int, nargs="?", default=7)
    ap.add_argument("--taxonomy", default=os.path.join(os.path.dirname(__file__), "..", "corpus", "taxonomy.json"))
    a = ap.parse_args()
    gen = Generator(a.seed, taxonomy_fields(a.taxonomy))
    total, idents, nsidecar = 0, [], 0
    for i in range(a.n):
        name, ext, lines, title, sidecar, ident, _ = gen.document(i)
        total += write(a.out, name, ext, lines, title, sidecar)
        nsidecar += sidecar is not None
        idents.append(ident)
    qfile = os.path.normpath(a.out) + ".queries.tsv"
    with open(qfile, "w", encoding="utf-8") as f:
        for kind, q in queries(gen, idents):
            f.write("%s\t%s\n" % (kind, q))
    print("GENERATED docs=%d bytes=%d MB=%.1f sidecars=%d seed=%d out=%s queries=%s" % (
        a.n, total, total / 1e6, nsidecar, a.seed, a.out, qfile))


if __name__ == "__main__":
    main()
