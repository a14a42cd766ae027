package org.stdsearch.recognise;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One identifier family's regular expression and how a match becomes a {@link
 * StandardIdentifier}: {@link IdentifierGrammar} for national and formal international
 * standards, {@link SpecificationGrammar} for consortia, web and algorithm specifications.
 */
interface Grammar {
  /** Identifiers never follow a letter or digit ("XGB/T", "1ISO"): checked before matching. */
  String START = "(?<![A-Za-z0-9])";
  /** Nor run into one: "GB/T 35273-20201" is not GB/T 35273-2020 followed by "1". */
  String END = "(?![A-Za-z0-9])";
  /**
   * The end of a name that may hold hyphens and dots ("did-core", "draft-sca-cfrg-sm3"): a
   * shorter match would stop at a hyphen.
   */
  String NAME_END = "(?![-.]?[A-Za-z0-9_])";
  /** Up to three spaces: PDF extraction doubles spaces, and no identifier needs more. */
  String ANY_SPACES = "[ \\t]{0,3}";
  String SOME_SPACES = "[ \\t]{1,3}";

  /** Case-sensitive for running text ({@code strict}), case-insensitive for what a person types. */
  Pattern pattern(boolean strict);

  /** Builds the identifier, or null when the match is a known false positive. */
  StandardIdentifier build(Matcher m, CharSequence text, boolean strict);

  /** The first two characters an identifier of this family can start with. */
  List<String> starts();

  static Pattern compile(String body, boolean strict) {
    return Pattern.compile(START + "(?:" + body + ")" + END, strict ? 0 : Pattern.CASE_INSENSITIVE);
  }

  static Integer toInt(String s) {
    return s == null ? null : Integer.valueOf(s);
  }
}
