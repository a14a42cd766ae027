package org.stdsearch.search.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.stdsearch.classify.FieldAssignment;
import org.stdsearch.classify.Taxonomy;
import org.stdsearch.extract.ExtractedDocument;
import org.stdsearch.extract.ExtractionStatus;
import org.stdsearch.index.Indexer;
import org.stdsearch.index.IndexerConfig;
import org.stdsearch.recognise.IdentifierParser;
import org.stdsearch.recognise.RecognisedStandard;
import org.stdsearch.recognise.RecognisedStandard.Clause;
import org.stdsearch.recognise.RecognisedStandard.Reference;
import org.stdsearch.recognise.RecognisedStandard.TermEntry;
import org.stdsearch.recognise.StandardIdentifier;

/**
 * A small corpus of pre-recognised standards written through {@link Indexer#add}, with the
 * expected facet attributes and status of each, so tests can compare with brute force.
 */
final class SearchFixtures {
  /** Technology fields picked from whatever taxonomy is bundled: a parent with two children, another root. */
  final String parent;
  final String child1;
  final String child2;
  final String otherRoot;
  final Taxonomy taxonomy = Taxonomy.loadOrBundled(null);
  final List<Fixture> fixtures = new ArrayList<>();

  /** One standard as the tests know it. */
  record Fixture(String path, String identifier, List<String> keys, String family, String titleZh, String titleEn,
      Integer year, LocalDate published, LocalDate implemented, List<String> ics, List<String> replaces, String type,
      String level, String lang, String declaredStatus, List<String> fields, String text, List<Integer> pageStarts,
      List<Clause> clauses, List<TermEntry> terms, List<Reference> references, String expectedStatus) {}

  SearchFixtures() {
    var withChildren = taxonomy.roots().stream().filter(r -> taxonomy.children(r.id()).size() >= 2).findFirst()
        .orElseThrow(() -> new IllegalStateException("the bundled taxonomy needs a field with two children"));
    parent = withChildren.id();
    child1 = taxonomy.children(parent).get(0).id();
    child2 = taxonomy.children(parent).get(1).id();
    otherRoot = taxonomy.roots().stream().filter(r -> !r.id().equals(parent)).findFirst().orElseThrow().id();
    buildCorpus();
  }

  /** The keys the recogniser would index the identifier under (the real parser's, not our guess). */
  static List<String> keys(String undated, String dated, String... ignored) {
    return IdentifierParser.parse(dated).map(StandardIdentifier::indexKeys)
        .orElseThrow(() -> new IllegalStateException("not an identifier: " + dated));
  }

  static final String PIPL_TEXT_PAGE1 = "前言 本标准代替GB/T 35273-2017。\n1 范围\n本标准规定了开展收集、保存、使用个人信息等活动应遵循的原则。"
      + " This standard specifies personal information security requirements. Tags like <b>bold</b> & co stay text.\n";
  static final String PIPL_TEXT_PAGE2 = "2 规范性引用文件\nGB/T 25069 信息安全技术 术语。\n3 术语和定义\n3.1 个人信息 personal information\n"
      + "以电子或者其他方式记录的能够单独或者与其他信息结合识别特定自然人身份的各种信息。\n";
  static final String PIPL_TEXT_PAGE3 = "4 个人信息安全基本原则\n个人信息控制者开展个人信息处理活动应遵循权责一致、目的明确的原则。"
      + " Controllers of personal information shall follow the principle of data minimisation.\n";

  private void buildCorpus() {
    String pipl = PIPL_TEXT_PAGE1 + PIPL_TEXT_PAGE2 + PIPL_TEXT_PAGE3;
    int p2 = PIPL_TEXT_PAGE1.length();
    int p3 = p2 + PIPL_TEXT_PAGE2.length();
    int c4 = p3;
    fixtures.add(new Fixture("gb/35273-2020.pdf", "GB/T 35273-2020", keys("GB/T 35273", "GB/T 35273-2020", "35273"),
        "GB/T", "信息安全技术 个人信息安全规范", "Information security technology—Personal information security specification",
        2020, LocalDate.of(2020, 3, 6), LocalDate.of(2020, 10, 1), List.of("35.040"), List.of("GB/T35273-2017"),
        "recommended", "national", "zh", null, List.of(child2), pipl, List.of(0, p2, p3),
        List.of(new Clause("1", "范围", pipl.indexOf("1 范围"), p2, 1, 1),
            new Clause("2", "规范性引用文件", p2, p2 + PIPL_TEXT_PAGE2.indexOf("3 术语"), 2, 2),
            new Clause("3", "术语和定义", p2 + PIPL_TEXT_PAGE2.indexOf("3 术语"), p3, 2, 2),
            new Clause("4", "个人信息安全基本原则", c4, pipl.length(), 3, 3)),
        List.of(new TermEntry("个人信息", "personal information", "以电子或者其他方式记录的能够识别特定自然人身份的各种信息", "3.1")),
        List.of(new Reference("GB/T 25069", "GB/T25069", true), new Reference("GB/T 22239-2019", "GB/T22239-2019", false)),
        "current"));
    fixtures.add(new Fixture("gb/35273-2017.pdf", "GB/T 35273-2017", keys("GB/T 35273", "GB/T 35273-2017", "35273"),
        "GB/T", "信息安全技术 个人信息安全规范", "Information security technology—Personal information security specification",
        2017, LocalDate.of(2017, 12, 29), LocalDate.of(2018, 5, 1), List.of("35.040"), List.of(), "recommended",
        "national", "zh", null, List.of(child2),
        "1 范围 本标准规范了开展收集、保存、使用个人信息等活动的原则。 personal information security specification.",
        List.of(0), List.of(), List.of(), List.of(), "superseded"));
    fixtures.add(new Fixture("gb/22239-2019.pdf", "GB/T 22239-2019", keys("GB/T 22239", "GB/T 22239-2019", "22239"),
        "GB/T", "信息安全技术 网络安全等级保护基本要求", "Information security technology—Baseline for classified protection of cybersecurity",
        2019, LocalDate.of(2019, 5, 10), LocalDate.of(2019, 12, 1), List.of("35.040"), List.of(), "recommended",
        "national", "zh", null, List.of(child2),
        "1 范围 本标准规定了网络安全等级保护的第一级到第四级等级保护对象的安全通用要求。引用 GB/T 35273 个人信息保护。 cybersecurity baseline.",
        List.of(0), List.of(), List.of(), List.of(new Reference("GB/T 35273", "GB/T35273", true)), "current"));
    fixtures.add(new Fixture("iso/965-1.pdf", "ISO 965-1:2013", keys("ISO 965-1", "ISO 965-1:2013", "ISO 965"), "ISO",
        null, "ISO general purpose metric screw threads — Tolerances — Part 1: Principles and basic data", 2013,
        LocalDate.of(2013, 6, 1), null, List.of("21.040.10"), List.of(), null, "international", "en", null,
        List.of(otherRoot), "This part of ISO 965 specifies a tolerance system for ISO general purpose metric screw threads.",
        List.of(0), List.of(), List.of(), List.of(), "current"));
    fixtures.add(new Fixture("iso/965-2.pdf", "ISO 965-2:1998", keys("ISO 965-2", "ISO 965-2:1998", "ISO 965"), "ISO",
        null, "ISO general purpose metric screw threads — Tolerances — Part 2: Limits of sizes", 1998,
        LocalDate.of(1998, 10, 1), null, List.of("21.040.10"), List.of(), null, "international", "en", null,
        List.of(otherRoot), "This part of ISO 965 specifies limits of sizes for external and internal screw threads.",
        List.of(0), List.of(), List.of(), List.of(), "current"));
    fixtures.add(new Fixture("gb/ai-terms.pdf", "GB/T 41867-2024", keys("GB/T 41867", "GB/T 41867-2024", "41867"),
        "GB/T", "信息技术 人工智能 术语", "Information technology—Artificial intelligence—Terminology", 2024,
        LocalDate.of(2024, 8, 1), LocalDate.of(2099, 1, 1), List.of("35.020"), List.of(), "recommended", "national",
        "zh,en", null, List.of(child1),
        "3.1 机器学习 machine learning 通过计算技术优化模型参数的过程。 3.2 神经网络 neural network 由节点构成的网络。",
        List.of(0), List.of(),
        List.of(new TermEntry("机器学习", "machine learning", "通过计算技术优化模型参数的过程", "3.1"),
            new TermEntry("神经网络", "neural network", "由节点构成的网络", "3.2")),
        List.of(), "upcoming"));
    fixtures.add(new Fixture("gb/12345-2001.pdf", "GB 12345-2001", keys("GB 12345", "GB 12345-2001", "12345"), "GB",
        "旧的强制性标准", "An old mandatory standard", 2001, LocalDate.of(2001, 1, 1), null, List.of("13.100"),
        List.of(), "mandatory", "national", "zh", "withdrawn", List.of(otherRoot), "强制性 安全 要求 withdrawn requirements.",
        List.of(0), List.of(), List.of(), List.of(), "withdrawn"));
    fixtures.add(new Fixture("gb/11111-2010.pdf", "GB/T 11111-2010", keys("GB/T 11111", "GB/T 11111-2010", "11111"),
        "GB/T", "锅炉 节能 监测", "Boiler energy saving monitoring", 2010, LocalDate.of(2010, 1, 1), null,
        List.of("27.010"), List.of(), "recommended", "national", "zh", null, List.of(otherRoot),
        "锅炉节能监测方法。 boiler monitoring.", List.of(0), List.of(), List.of(), List.of(), "superseded"));
    fixtures.add(new Fixture("gb/22222-2021.pdf", "GB/T 22222-2021", keys("GB/T 22222", "GB/T 22222-2021", "22222"),
        "GB/T", "工业锅炉 节能 监测", "Industrial boiler energy saving monitoring", 2021, LocalDate.of(2021, 1, 1), null,
        List.of("27.010"), List.of("GB/T11111-2010"), "recommended", "national", "zh", null, List.of(otherRoot),
        "工业锅炉节能监测方法。 industrial boiler monitoring.", List.of(0), List.of(), List.of(), List.of(), "current"));
    fixtures.add(new Fixture("rfc/9110.txt", "RFC 9110", keys("RFC 9110", "RFC 9110"), "RFC", null, "HTTP Semantics",
        2022, LocalDate.of(2022, 6, 1), null, List.of(), List.of(), null, "international", "en", null, List.of(),
        "The Hypertext Transfer Protocol (HTTP) is a stateless application-level protocol.", List.of(0), List.of(),
        List.of(), List.of(), "current"));
    // Filler for facet arithmetic: deterministic, unique identifiers, varied attributes.
    Random random = new Random(42);
    List<String> families = List.of("GB/T", "GB", "ISO", "IEC");
    List<String> types = List.of("recommended", "mandatory", "guidance");
    List<String> langs = List.of("zh", "en");
    List<String> fieldChoices = List.of(parent, child1, child2, otherRoot);
    for (int i = 0; i < 40; i++) {
      String family = families.get(random.nextInt(families.size()));
      int year = 2000 + random.nextInt(24);
      String number = Integer.toString(50000 + i);
      String identifier = family + " " + number + "-" + year;
      String declared = random.nextInt(10) == 0 ? "withdrawn" : random.nextInt(10) == 0 ? "superseded" : null;
      LocalDate implemented = random.nextInt(8) == 0 ? LocalDate.of(2098, 1, 1) : null;
      String status = declared != null ? declared : implemented != null ? "upcoming" : "current";
      List<String> fields = random.nextInt(5) == 0 ? List.of()
          : random.nextBoolean() ? List.of(fieldChoices.get(random.nextInt(4)))
          : List.of(child1, fieldChoices.get(2 + random.nextInt(2)));
      fixtures.add(new Fixture("filler/" + i + ".txt", identifier, keys(family + " " + number, identifier, number),
          family, "填充标准 " + i, "Filler standard " + i, year, LocalDate.of(year, 1 + random.nextInt(12), 1),
          implemented, List.of(), List.of(), types.get(random.nextInt(3)), "national",
          langs.get(random.nextInt(2)), declared, fields, "filler text number " + i + " 填充内容", List.of(0),
          List.of(), List.of(), List.of(), status));
    }
  }

  /** Writes the corpus to an on-disk index in {@code dir}; returns it. */
  Path write(Path dir) throws IOException {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Path index = dir.resolve("index");
    try (Directory d = FSDirectory.open(index); IndexWriter writer = Indexer.openWriter(d);
        Indexer indexer = new Indexer(IndexerConfig.of(docs, index).withWorkers(1), writer)) {
      for (Fixture f : fixtures) {
        indexer.add(recognised(f), f.fields().stream().map(id -> new FieldAssignment(id, 1.0)).toList());
      }
      writer.commit();
    }
    return index;
  }

  static RecognisedStandard recognised(Fixture f) {
    ExtractedDocument doc = new ExtractedDocument(f.path(), "hash-" + f.path(), f.text().length(), "application/pdf",
        ExtractionStatus.OK, null, f.text(), f.pageStarts(), Map.of(), 1);
    return new RecognisedStandard(doc, f.identifier(), f.keys(), f.family(), f.titleZh(), f.titleEn(), f.published(),
        f.implemented(), f.year(), List.of(), f.ics(), List.of(), f.replaces(), null, f.type(), f.level(), f.lang(),
        f.declaredStatus(), f.fields(), f.clauses(), f.terms(), f.references());
  }

  Fixture byIdentifier(String identifier) {
    return fixtures.stream().filter(f -> f.identifier().equals(identifier)).findFirst().orElseThrow();
  }

  /** Every field id a fixture counts under: its fields and their ancestors. */
  Set<String> fieldClosure(Fixture f) {
    Set<String> out = new LinkedHashSet<>();
    f.fields().forEach(id -> out.addAll(taxonomy.path(id)));
    return out;
  }
}
