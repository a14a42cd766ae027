package org.stdsearch.corpus;

import java.util.List;

/** Industry (SJ/T, YD/T, GA/T, JR/T, GM/T, WH/T), local (DB31/T) and group (T/...) standards of the catalogue. */
final class SectorStandards {

    private SectorStandards() {}

    static final List<String> SPECS = List.of("""
            id SJ/T 11190-1998
            format txt
            zh 信息技术 中文平台 基本要求
            en Information technology—Chinese platform—Basic requirements
            dates 1998-03-20 1998-07-01
            ics 35.080
            ccs L 77
            fields cit.bs
            tc 电子工业部标准化研究所
            scope 本文件规定了中文平台在汉字编码、输入、显示和打印方面的基本要求。本文件适用于在通用操作系统上提供中文处理能力的中文平台软件。
            term 中文平台 | Chinese platform | 在操作系统之上为应用程序提供汉字输入、显示、打印和编码转换等中文处理功能的软件。
            term 输入法 | input method | 将键盘等输入设备的操作序列转换为汉字的方法及其程序。
            # 4 汉字编码
            中文平台应支持国家标准规定的汉字编码字符集，内码与交换码之间的转换应准确无误。
            # 5 输入
            中文平台应至少提供一种拼音类输入法和一种字形类输入法，并支持用户词组的添加和删除。
            # 6 显示与打印
            中文平台应提供宋体、黑体两种字体，屏幕显示点阵不低于 16×16，打印点阵不低于 24×24。
            """, """
            id SJ/T 11190-2012
            format rtf
            zh 信息技术 中文平台 基本要求
            en Information technology—Chinese platform—Basic requirements
            dates 2012-11-19 2013-06-01
            ics 35.080
            ccs L 77
            replaces SJ/T 11190-1998
            fields cit.bs
            refs GB 18030-2022
            scope 本文件规定了中文平台在字符编码、输入法框架、字体渲染、排版和本地化方面的基本要求。本文件适用于桌面和移动操作系统中的中文平台。
            change 字符编码要求改为支持 GB 18030 全部字符
            change 删除了点阵字体要求，增加了矢量字体渲染要求（见第 6 章）
            change 增加了输入法框架接口要求（见第 5 章）
            term 中文平台 | Chinese platform | 操作系统中为应用程序提供中文输入、显示、排版和编码转换功能的组件集合。
            term 输入法框架 | input method framework | 在应用程序与输入法引擎之间传递按键事件和候选结果的系统组件。
            term 矢量字体 | outline font | 以轮廓曲线描述字形、可任意缩放而不失真的字体。
            # 4 字符编码
            中文平台应支持 GB 18030 规定的全部字符，并能在 GB 18030 与 UTF-8、UTF-16 之间无损转换。
            # 5 输入法框架
            输入法框架应提供统一接口，使第三方输入法无需修改应用程序即可使用；候选窗口位置应跟随光标。
            # 6 字体渲染
            平台应至少提供宋体和黑体两种矢量字体，支持灰度抗锯齿，在 12 磅以下字号时宜启用字形微调。
            # 7 排版
            中文排版应遵守行首行尾禁则，标点挤压和中西文混排间距应可配置。
            @ A informative 常见编码转换错误示例
            本附录列出双字节与四字节字符混排时常见的截断错误及其检测方法。
            """, """
            id SJ/T 11890-2023
            format pdf
            zh 芯粒互连接口 通用要求
            en Chiplet interconnect interface—General requirements
            dates 2023-12-20 2024-07-01
            ics 31.200
            ccs L 55
            fields cit.ic
            tc 全国集成电路标准化技术委员会（SAC/TC 599）
            refs GB/T 5271.1-2000
            scope 本文件规定了芯粒之间并行互连接口的分层结构、物理层、链路层、协议层和测试要求。本文件适用于基于先进封装的多芯粒集成电路的设计和验证。
            term 芯粒 | chiplet | 具有特定功能、可与其他芯粒通过封装内互连组合成完整芯片的裸片。
            term 先进封装 | advanced packaging | 采用硅中介层、扇出型封装等技术实现高密度互连的封装方式。
            term 误码率 | bit error rate; BER | 传输中出现错误的比特数与传输总比特数之比。
            # 4 分层结构
            接口分为物理层、链路层和协议适配层。物理层负责电信号传输，链路层负责流控、重传和 CRC 校验，协议适配层承载存储访问和一致性协议。
            # 5 物理层
            单通道数据速率支持 16 Gbit/s 和 32 Gbit/s 两档，每个模块 16 或 64 个数据通道。在标准封装条件下，误码率不应高于 10^-15。
            # 6 链路层
            链路层以 256 字节为流控单元，采用信用机制防止接收缓冲溢出；检测到 CRC 错误时应重传，重传时延不宜超过 100 ns。
            # 7 测试要求
            接口应提供环回测试模式和内建眼图监测，以便在封装后进行互连测试和修复。
            @ A normative 通道映射表
            本附录规定 16 通道和 64 通道模块的信号定义和凸点位置编号。
            """, """
            id YD/T 2811-2010
            format odt
            zh 接入网技术要求 以太网无源光网络（EPON）
            en Technical requirements for access network—Ethernet passive optical network (EPON)
            dates 2010-12-29 2011-01-01
            ics 33.040.50
            ccs M 42
            fields di.net.optical
            refs IEEE 802.3-2018; ITU-T G.984.1 (2008)
            scope 本文件规定了以太网无源光网络的系统结构、光接口、业务功能和性能要求。本文件适用于 1 Gbit/s 对称速率的 EPON 系统。
            term 光线路终端 | optical line terminal; OLT | 位于局端、连接无源光分配网的 EPON 设备。
            term 光网络单元 | optical network unit; ONU | 位于用户侧、连接无源光分配网的 EPON 设备。
            term 分光比 | split ratio | 一个 OLT 端口经无源分光器连接的 ONU 最大数量。
            # 4 系统结构
            EPON 系统由 OLT、无源光分配网和 ONU 组成，采用点到多点结构，下行广播、上行时分多址。
            # 5 光接口
            下行波长 1490 nm，上行波长 1310 nm，支持分光比 1:32 时传输距离不小于 20 km。
            # 6 性能要求
            下行吞吐量不低于 900 Mbit/s，上行在 32 个 ONU 同时满负荷时总吞吐量不低于 800 Mbit/s。
            """, """
            id YD/T 2811-2021
            format pdf
            zh 接入网技术要求 10Gbit/s 以太网无源光网络（10G-EPON）
            en Technical requirements for access network—10 Gbit/s Ethernet passive optical network (10G-EPON)
            dates 2021-12-02 2022-04-01
            ics 33.040.50
            ccs M 42
            replaces YD/T 2811-2010
            fields di.net.optical
            refs IEEE 802.3-2018; YD/T 4155-2022
            scope 本文件规定了 10G-EPON 系统的结构、光接口、与 EPON 共存、业务功能、性能和节能要求。本文件适用于 10 Gbit/s 对称和非对称 10G-EPON 系统。
            change 速率由 1 Gbit/s 提高到 10 Gbit/s，增加非对称模式
            change 增加了与 EPON 在同一光分配网共存的要求（见第 6 章）
            change 增加了 ONU 节能要求（见第 8 章）
            term 光线路终端 | optical line terminal; OLT | 位于局端、连接无源光分配网并汇聚用户业务的设备。
            term 光网络单元 | optical network unit; ONU | 位于用户侧、终结无源光网络并提供用户接口的设备。
            term 波长共存 | wavelength coexistence | 不同代际的无源光网络系统使用不同波长在同一光分配网上同时工作。
            # 4 系统结构
            10G-EPON 采用点到多点结构，OLT 端口支持 10G-EPON ONU 与 EPON ONU 混合接入。
            # 5 光接口
            10G 下行波长 1577 nm，10G 上行波长 1270 nm。分光比 1:64 时，传输距离不小于 20 km。
            # 6 与 EPON 共存
            OLT 应通过波分复用同时支持 EPON 和 10G-EPON，升级时已有 EPON 用户业务中断时间不超过 50 ms。
            # 7 性能要求
            对称模式下，上下行吞吐量均不低于 8.5 Gbit/s；二层转发时延不大于 1.5 ms。
            # 8 节能要求
            ONU 应支持休眠模式，无业务时功耗不高于满负荷功耗的 30%。节能要求与 YD/T 4155—2022 中对接入设备的要求协调一致。
            @ A normative 光接口参数表
            本附录列出 PR30 和 PRX30 两类光接口的发射功率、接收灵敏度和过载功率。
            """, """
            id YD/T 3990-2021
            format odt
            zh 移动互联网应用 适老化设计规范
            en Mobile internet applications—Design specification for elderly-friendly accessibility
            dates 2021-09-10 2022-01-01
            ics 35.240.99
            ccs M 30
            fields ps.access
            refs GB/T 37668-2019; ITU-T F.7989 (2022)
            scope 本文件规定了移动互联网应用适老化的界面、交互、内容和安全要求。本文件适用于新闻资讯、社交通讯、生活购物、金融服务和出行服务类移动应用。
            term 适老化 | elderly-friendly adaptation | 为方便老年人使用而对产品界面、交互和内容进行的改造。
            term 长辈模式 | senior mode | 应用中提供的、采用大字体、简化界面和语音辅助的专用模式。
            # 4 界面要求
            长辈模式下正文字号不小于 18 dp，主要功能按钮的可点击区域不小于 60 dp × 60 dp，文字与背景对比度不低于 4.5:1。
            # 5 交互要求
            关键操作步骤不宜超过 3 步；应提供语音输入和语音朗读功能；不应使用仅靠手势完成的操作。
            # 6 内容与安全要求
            长辈模式不得含有广告插件和诱导类按钮；涉及支付的操作应有二次确认和防诈骗提示。
            @ A informative 适老化检查表
            检查表按界面、交互、内容和安全四类列出检查项和判定方法。
            """, """
            id YD/T 4155-2022
            format txt
            zh 通信基站 节能技术要求
            en Telecommunication base station—Technical requirements for energy saving
            dates 2022-09-30 2023-01-01
            ics 33.070.01; 27.015
            ccs M 36
            fields dg.ict di.net.mobile
            refs GB/T 32150-2015
            scope 本文件规定了移动通信基站主设备、配套设备和智能关断的节能技术要求及能耗测量方法。本文件适用于 4G 和 5G 宏基站、小基站的设计和运行维护。
            term 符号关断 | symbol shutdown | 在无数据发送的符号时间关闭功放以降低能耗的技术。
            term 载波关断 | carrier shutdown | 在低话务时段关闭部分载波并由其他载波承载业务的技术。
            term 基站能效 | base station energy efficiency | 基站承载的业务量与其能耗的比值。
            # 4 主设备节能
            主设备应支持符号关断、通道关断和载波关断三级节能，节能功能开启后 KPI 劣化不应超过 2%。
            # 5 配套设备节能
            机房空调宜采用智能温控，设定温度不低于 28 ℃；具备条件的站点应采用室外机柜和自然冷却。
            # 6 智能关断策略
            基站应根据历史话务预测自动生成关断时段，关断策略调整周期不长于 7 d。
            # 7 能耗测量
            能耗测量以 24 h 为周期，分别记录主设备和配套设备能耗，测量结果用于计算基站能效。
            """, """
            id YD/T 3876-2021
            format html
            zh IPv6 单栈网络部署技术要求
            en Technical requirements for deployment of IPv6-only networks
            dates 2021-03-05 2021-07-01
            ics 33.040.40
            ccs M 32
            fields cit.ni di.net
            refs RFC 8200; RFC 12001
            scope 本文件规定了运营商网络和数据中心部署 IPv6 单栈的地址规划、路由、过渡机制、DNS 和运维要求。本文件适用于新建和改造的 IPv6 单栈网络。
            term IPv6 单栈 | IPv6-only | 网络中的主机和设备仅配置 IPv6 地址，不配置 IPv4 地址的部署方式。
            term 地址转换 | address translation | 在 IPv6 与 IPv4 报文之间转换地址和报头的机制，如 NAT64。
            # 4 地址规划
            地址规划应采用层次化结构，每个用户站点分配不小于 /56 的前缀，地址分配记录应可追溯到用户。
            # 5 路由
            骨干网应同时运行 IPv6 的内部网关协议和 BGP，不应依赖 IPv4 传递 IPv6 路由。报文格式和扩展头处理遵循 RFC 8200。
            # 6 过渡机制
            访问仅有 IPv4 的业务时，应通过 NAT64 和 DNS64 实现，园区网的运维实践可参考 RFC 12001。
            # 7 运维
            网管、日志、溯源系统应能以 IPv6 地址为关键字进行查询和审计。
            """, """
            id GA/T 1105-2013
            format txt
            zh 信息安全技术 终端安全检测产品安全技术要求
            en Information security technology—Security technical requirements for terminal security inspection products
            dates 2013-10-18 2013-12-01
            ics 35.040
            ccs L 80
            fields cit.sec
            scope 本文件规定了终端安全检测产品的安全功能要求、自身安全要求和安全保障要求。本文件适用于终端安全检测产品的设计、开发和测试。
            term 终端安全检测产品 | terminal security inspection product | 对计算机终端的安全配置、漏洞和违规行为进行检查并报告的产品。
            term 检查策略 | inspection policy | 规定检查项目、判定条件和处理方式的规则集合。
            # 4 安全功能要求
            产品应能检查终端的操作系统补丁、口令策略、共享目录、外联行为和违规软件，检查结果应汇总到管理中心。
            # 5 自身安全要求
            产品的管理中心应对管理员进行身份鉴别，客户端应能防止被普通用户卸载或停止。
            # 6 安全保障要求
            开发者应提供产品的配置管理文档、交付文档和指导性文档。
            """, """
            id GA/T 1105-2023
            format pdf
            zh 信息安全技术 终端安全检测产品安全技术要求
            en Information security technology—Security technical requirements for terminal security inspection products
            dates 2023-06-16 2023-09-01
            ics 35.030
            ccs L 80
            replaces GA/T 1105-2013
            fields cit.sec
            refs GB/T 25069-2022; GB/T 22239-2019
            scope 本文件规定了终端安全检测产品的安全功能要求、自身安全要求、安全保障要求和等级划分。本文件适用于终端安全检测产品的设计、开发、测试和检测。
            change 增加了对国产操作系统和移动终端的检查要求（见 4.1）
            change 增加了基于行为的恶意代码检测要求（见 4.3）
            change 增加了产品等级划分（见第 7 章）
            term 终端 | terminal | 接入网络、供用户直接使用的计算设备，包括台式计算机、笔记本计算机和移动终端。
            term 检查策略 | inspection policy | 规定检查项目、判定条件和处置方式的规则集合。
            term 基线 | baseline | 终端应满足的最低安全配置要求集合。
            # 4 安全功能要求
            # 4.1 检查范围
            产品应支持主流桌面操作系统、国产操作系统和移动终端操作系统，检查项目覆盖补丁、口令、端口、服务和软件安装情况。
            # 4.2 基线核查
            产品应内置符合 GB/T 22239—2019 的终端安全基线模板，并允许用户自定义基线。
            # 4.3 恶意代码检测
            产品应能基于文件特征和进程行为检测恶意代码，检出后按策略隔离并上报。
            # 5 自身安全要求
            管理中心与客户端之间的通信应进行双向身份鉴别并加密，客户端应具备防卸载和防篡改能力。
            # 6 安全保障要求
            开发者应提供设计文档、测试文档和脆弱性分析报告。
            # 7 等级划分
            产品分为基本级和增强级，增强级在基本级之上增加行为检测、策略联动和审计日志完整性保护要求。
            @ A informative 基线模板示例
            本附录给出口令长度、锁屏时间、共享目录和远程桌面等基线项的推荐取值。
            """, """
            id JR/T 0301-2024
            format pdf
            zh 金融分布式账本 跨链交互技术规范
            en Financial distributed ledger—Technical specification for cross-chain interaction
            dates 2024-05-10 2024-05-10
            ics 03.060; 35.240.40
            ccs A 11
            fields cit.bc id.fin
            refs GB/T 32918.2-2016; GB/T 32905-2016
            scope 本文件规定了金融分布式账本系统之间跨链交互的参考架构、跨链消息格式、跨链事务和安全要求。本文件适用于金融机构建设和运营的联盟链之间开展资产和数据的跨链交互。
            term 分布式账本 | distributed ledger | 在多个节点之间共享、同步并通过共识机制保证一致性的账本。
            term 跨链 | cross-chain | 两个或多个相互独立的分布式账本之间进行资产转移或信息交换的过程。
            term 中继链 | relay chain | 在多条业务链之间转发跨链消息并验证其有效性的分布式账本。
            term 哈希时间锁 | hash time lock | 以哈希原像和超时时间作为解锁条件、用于实现原子交换的合约机制。
            # 4 参考架构
            跨链参考架构由业务链、跨链网关和中继链组成。跨链网关负责监听本链事件、构造跨链消息并提交给中继链。
            # 5 跨链消息
            跨链消息包括消息标识、源链标识、目标链标识、负载、时间戳和签名。签名算法采用 GB/T 32918.2—2016 规定的 SM2 数字签名算法，消息摘要采用 SM3。
            # 6 跨链事务
            资产类跨链应保证原子性，可采用哈希时间锁或两阶段提交。超时未完成的事务应自动回滚，并向双方通知失败原因。
            # 7 安全要求
            中继链应验证源链的区块头和交易存在性证明；跨链网关私钥应保存在密码模块中。
            @ A normative 跨链消息格式
            跨链消息以 JSON 编码，必选字段为 msg_id、src_chain、dst_chain、payload、timestamp 和 signature。
            """, """
            id GM/T 0151-2024
            format pdf
            zh 密码应用 日志与审计接口规范
            en Cryptography application—Interface specification for logging and audit
            dates 2024-02-29 2024-09-01
            ics 35.030
            ccs L 80
            fields cit.sec.crypto
            refs GM/T 0028-2014; GB/T 32905-2016; ISO/IEC 27599:2022
            scope 本文件规定了密码设备和密码服务系统向审计系统提供日志的接口，包括日志事件类型、日志格式、传输和完整性保护。本文件适用于密码设备、密码服务系统和密码应用安全性评估中的审计系统。
            term 密码事件 | cryptographic event | 与密钥生命周期、密码运算、身份鉴别和设备状态相关的、需要记录的事件。
            term 日志链 | log chain | 每条日志包含前一条日志杂凑值、从而可检测删除和篡改的日志序列。
            # 4 事件类型
            事件类型分为密钥管理、密码运算、访问控制、设备状态和配置变更五类，每类事件赋予三位数字编码。
            # 5 日志格式
            日志采用 JSON 编码，字段包括事件编码、时间、设备标识、操作者、结果和前一条日志的杂凑值。杂凑算法采用 SM3。
            # 6 传输
            日志通过 syslog over TLS 或 HTTPS 传输到审计系统，传输失败时设备应本地缓存不少于 10000 条日志。
            # 7 完整性保护
            设备应以日志链方式保护日志完整性，每 1000 条日志或每 1 h 对链尾签名一次。日志管理的一般原则参见 ISO/IEC 27599:2022。
            @ A normative 事件编码表
            本附录列出五类事件的编码：1xx 密钥管理，2xx 密码运算，3xx 访问控制，4xx 设备状态，5xx 配置变更。
            """, """
            id WH/T 102-2022
            format epub
            zh 公共图书馆 数字资源长期保存元数据
            en Public library—Metadata for long-term preservation of digital resources
            dates 2022-08-15 2022-12-01
            ics 01.140.20
            ccs A 14
            fields dc.heritage
            refs ISO 14721:2012; ISO 15489-1:2016
            scope 本文件规定了公共图书馆数字资源长期保存元数据的元素集、取值要求和著录规则。本文件适用于公共图书馆对电子图书、数字化古籍、音视频和网络资源的长期保存。
            term 长期保存 | long-term preservation | 在技术环境变化的情况下，保证数字资源在长时间内可获取、可理解和真实完整的活动。
            term 保存元数据 | preservation metadata | 支持数字资源长期保存过程、记录其来源、技术特征和保存操作的元数据。
            term 固定性信息 | fixity information | 用于验证数字对象未被改变的信息，如杂凑值。
            # 4 元素集
            元素集分为对象、事件、代理和权利四个实体。对象实体描述文件格式、大小和固定性信息；事件实体记录格式迁移、校验等保存操作。
            # 5 著录规则
            固定性信息应至少包括杂凑算法名称和杂凑值；格式信息应使用通用格式注册表中的标识。
            # 6 保存操作记录
            每次格式迁移、介质更新和完整性校验都应作为事件记录，包括日期、执行者、软件和结果。
            @ A normative 元素定义表
            本附录列出各元素的名称、定义、必备性、可重复性和取值示例。
            """, """
            id DB31/T 1311-2021
            format html
            meta
            zh 公共数据开放 分级分类指南
            en Open public data—Guidelines for grading and classification
            dates 2021-06-18 2021-10-01
            ics 35.240.01
            ccs L 70
            fields dr.pub eg
            refs GB/T 38664.1-2020; GB/T 35273-2020
            scope 本文件给出了公共数据开放分级分类的原则、方法和开放属性确定流程。本文件适用于本市各级行政机关和公共企事业单位开展公共数据开放工作。
            term 公共数据 | public data | 本市各级行政机关以及履行公共管理和服务职能的事业单位在依法履职过程中采集和产生的各类数据资源。
            term 开放等级 | openness level | 根据公共数据的敏感程度确定的、决定其开放方式的级别。
            term 有条件开放 | conditional opening | 公共数据仅向符合条件的申请者开放，并对使用范围和方式作出约定。
            # 4 分类
            公共数据按主题分为经济建设、资源环境、城市建设、民生服务、社会发展、公共安全和机构团体七类。
            # 5 分级
            公共数据按敏感程度分为四级：一级为可无条件开放；二级为经脱敏后可无条件开放；三级为有条件开放；四级为不予开放。涉及个人信息的数据，应按 GB/T 35273—2020 的要求评估后确定级别。
            # 6 开放属性确定流程
            数据提供部门提出分级建议，开放主管部门审核后在开放清单中公布，清单每年更新一次。
            @ A informative 分级示例
            企业登记基本信息为一级，公交线路实时到站信息为二级，医疗机构诊疗统计数据为三级，个人户籍信息为四级。
            """, """
            id DB31/T 1350-2021
            format html
            meta
            zh 一网通办 政务服务事项编码规则
            en One-stop government services—Coding rules for government service items
            dates 2021-11-30 2022-03-01
            ics 35.240.01
            ccs L 67
            fields eg.svc
            refs GB/T 33190-2016
            scope 本文件规定了本市政务服务事项编码的结构、编制方法和维护管理要求。本文件适用于本市政务服务事项目录的编制和政务服务平台的事项管理。
            term 政务服务事项 | government service item | 行政机关依申请为自然人和法人办理的行政许可、行政给付、行政确认等事项。
            term 事项编码 | item code | 唯一标识一项政务服务事项的代码。
            # 4 编码结构
            事项编码由 22 位数字和字母组成，依次为行政区划代码（6 位）、实施机构代码（4 位）、事项类型代码（2 位）、主项序号（4 位）、子项序号（3 位）、业务办理项序号（2 位）和校验码（1 位）。
            # 5 编制方法
            同一事项在不同层级实施的，主项序号保持一致，行政区划代码和实施机构代码按实施主体填写。校验码按 ISO 7064 MOD 37,36 计算。
            # 6 维护管理
            事项编码一经赋予不得变更；事项取消后编码保留但停止使用，不得分配给其他事项。
            """, """
            id DB31/T 1472-2025
            format odt
            zh 公共数据授权运营 安全管理规范
            en Authorized operation of public data—Specification for security management
            dates 2025-05-20 2025-09-01
            ics 35.240.01; 35.030
            ccs L 70
            fields dr.pub cit.sec
            refs DB31/T 1311-2021; GB/T 37988-2019; GB/T 44110-2024
            scope 本文件规定了公共数据授权运营中运营主体、运营平台、数据产品和使用方的安全管理要求。本文件适用于本市公共数据授权运营活动的安全管理和监督检查。
            term 授权运营 | authorized operation | 经政府授权，由运营主体对公共数据进行加工并提供数据产品和服务的活动。
            term 运营平台 | operation platform | 运营主体用于公共数据加工、模型训练和产品交付的受控环境。
            term 数据可用不可见 | data usable but invisible | 使用方在不获取原始数据的情况下使用其计算结果的方式，如隐私计算。
            # 4 运营主体要求
            运营主体应建立数据安全管理制度，数据安全能力应达到 GB/T 37988—2019 规定的三级及以上。
            # 5 运营平台要求
            运营平台应与互联网逻辑隔离，原始数据不得导出平台；开发人员在平台内的操作应全程审计，审计日志保存不少于 3 年。
            # 6 数据产品要求
            数据产品上架前应进行安全评估。涉及个人信息的产品应经过去标识化处理，并按 GB/T 44110—2024 评估去标识化效果。
            # 7 使用方要求
            使用方应签订数据使用协议，承诺不进行重标识，不超出约定场景使用数据产品。
            @ A informative 授权运营安全检查表
            检查表按运营主体、平台、产品和使用方四个方面列出检查项和检查方法。
            """, """
            id T/STDS 0001-2021
            format docx
            zh 数字化绿色化协同转型 企业评价指南
            en Coordinated digital and green transformation—Evaluation guidelines for enterprises
            dates 2021-12-01 2022-01-01
            ics 03.100.01; 13.020.20
            ccs A 01
            fields dg id
            refs GB/T 32150-2015; GB/T 44230-2024
            scope 本文件给出了企业数字化绿色化协同转型水平的评价指标、评价方法和等级划分。本文件适用于制造业企业开展自评价和第三方评价。
            term 双化协同 | coordinated digital-green transformation | 企业以数字技术赋能节能降碳，同时以绿色要求引导数字化建设的转型方式。
            term 能碳管理平台 | energy and carbon management platform | 采集企业能源消耗和碳排放数据并支持分析、预测和优化的信息系统。
            # 4 评价指标
            评价指标分为数字基础、绿色绩效和协同成效三个维度。数字基础包括能耗计量覆盖率和能碳管理平台建设；绿色绩效包括单位产值能耗和碳排放强度；协同成效包括通过数字化措施实现的节能量。
            # 5 评价方法
            评价采用定量指标与定性指标相结合的方法，定量数据取最近一个完整年度。企业数据中心的碳排放可按 GB/T 44230—2024 核算。
            # 6 等级划分
            评价结果分为起步级、提升级、协同级和引领级四级，对应得分区间为 0~59、60~74、75~89 和 90~100。
            @ A informative 评价指标权重表
            三个维度的权重分别为 0.3、0.4 和 0.3，维度内指标等权。
            """, """
            id T/STDS 0002-2023
            format html
            zh 算力网络 算力标识与调度接口
            en Computing power network—Computing power identifier and scheduling interface
            dates 2023-07-01 2023-08-01
            ics 35.110
            ccs M 32
            fields di.cp.cn di.net
            refs ITU-T Y.2599 (2023); GB/T 43820-2024; RFC 8259
            scope 本文件规定了算力网络中算力资源的标识结构、算力信息通告和算力调度接口。本文件适用于算力网络运营者、算力中心和算力调度平台。
            term 算力网络 | computing power network | 以网络连接分布式算力资源，根据业务需求统一编排算力和网络资源的基础设施。
            term 算力标识 | computing power identifier | 唯一标识一个可调度算力资源单元的编码。
            term 算力通告 | computing power advertisement | 算力节点向调度平台报告可用算力类型、数量和价格的消息。
            # 4 算力标识结构
            算力标识由运营者代码、算力中心代码、资源类型码和序号组成，以“.”分隔，例如 CN01.SH002.GPU.000128。
            # 5 算力通告
            算力节点应每 30 s 通告一次可用算力，通告内容以 JSON 编码（见 RFC 8259），包括资源类型、可用数量、网络时延和单价。
            # 6 调度接口
            调度接口提供算力查询、算力预留、任务提交和任务状态查询四个操作。预留超时未提交任务的，资源自动释放。
            """, """
            id T/STDS 0003-2024
            format pdf
            zh 脑机接口 非侵入式脑电采集设备通用技术要求
            en Brain-computer interface—General technical requirements for non-invasive EEG acquisition devices
            dates 2024-09-10 2024-10-01
            ics 11.040.55; 35.240.80
            ccs C 39
            fields cit.bci
            refs GB/T 35273-2020
            scope 本文件规定了用于脑机接口的非侵入式脑电采集设备的分类、电极、信号采集性能、数据接口和数据安全要求。本文件适用于科研、康复训练和消费电子用途的脑电采集设备。
            term 脑机接口 | brain-computer interface; BCI | 在大脑与外部设备之间建立的、不依赖外周神经和肌肉的信息交互通路。
            term 脑电图 | electroencephalogram; EEG | 通过头皮电极记录的大脑神经元群体电活动信号。
            term 干电极 | dry electrode | 无需导电膏即可与头皮接触采集脑电信号的电极。
            # 4 分类
            设备按电极类型分为湿电极设备、半干电极设备和干电极设备，按通道数分为少通道（不大于 8）、中通道（9~32）和多通道（大于 32）设备。
            # 5 信号采集性能
            采样率不低于 250 Hz，输入噪声不大于 1 μV（有效值，0.5 Hz~70 Hz），共模抑制比不低于 100 dB。
            电极接触阻抗应可实时监测，湿电极阻抗不宜大于 10 kΩ。
            # 6 数据接口
            设备应以时间戳标记每个采样点，并支持事件标记输入，以便与刺激呈现同步，同步误差不大于 2 ms。
            # 7 数据安全
            脑电数据属于敏感个人信息，采集前应取得单独同意；传输和存储应加密，处理应符合 GB/T 35273—2020 的要求。
            @ A normative 输入噪声测试方法
            将输入端短接，连续记录 60 s，带通滤波后计算有效值，重复 3 次取最大值。
            """, """
            id T/CESA 1288-2023
            format html
            zh 元宇宙 虚拟数字人能力分级要求
            en Metaverse—Requirements for capability grading of virtual digital humans
            dates 2023-04-28 2023-05-01
            ics 35.240.99
            ccs L 70
            fields cit.mv dc
            refs GB/Z 41990-2022
            scope 本文件规定了虚拟数字人的能力维度和分级要求。本文件适用于元宇宙场景中提供服务、表演和交互的虚拟数字人的设计和评估。
            term 元宇宙 | metaverse | 利用扩展现实、数字孪生和区块链等技术构建的、与现实世界映射和交互的数字空间。
            term 虚拟数字人 | virtual digital human | 具有数字化外形，能够通过语音、表情和动作与人交互的虚拟形象。
            term 驱动方式 | driving mode | 控制虚拟数字人动作和表情的方式，分为真人驱动和智能驱动。
            # 4 能力维度
            能力维度包括形象表现、感知理解、表达交互和自主决策。形象表现考察模型精度和动作自然度；感知理解考察语音和视觉识别；表达交互考察对话和情感表达。
            # 5 能力分级
            能力分为 L1 至 L5 五级：L1 为预制动画播放；L2 为真人实时驱动；L3 为基于规则的智能驱动；L4 为基于大模型的多轮交互；L5 为具备长期记忆和自主任务执行。采用大模型驱动的，其内容安全应参照 GB/Z 41990—2022 的风险分类进行评估。
            # 6 标识要求
            虚拟数字人在交互中应显著标识其非真人身份。
            """);
}
