package org.stdsearch.recognise;

import java.util.List;
import java.util.Set;

/**
 * The one list of Chinese industry standard codes (行业标准代号), such as {@code YD} in {@code
 * YD/T 1234-2020}: a code not listed here is not recognised as an industry standard.
 */
final class ChineseIndustryCodes {

  /**
   * Codes from the MOST/SAC list of industry standard codes, plus the metrology codes {@code JJF}
   * and {@code JJG} and the military {@code GJB}, which are written the same way. {@code DB} is
   * also 地震 (earthquake); local standards {@code DB31/T} are told apart by their two digits.
   */
  static final List<String> CODES = List.of(
      "AQ", "BB", "CB", "CH", "CJ", "CY", "DA", "DB", "DL", "DZ", "EJ", "FZ", "GA", "GC", "GH",
      "GM", "GY", "HB", "HG", "HJ", "HS", "HY", "JB", "JC", "JG", "JR", "JT", "JY", "LB", "LD",
      "LS", "LY", "MH", "MT", "MZ", "NB", "NY", "QB", "QC", "QJ", "QX", "RB", "SB", "SC", "SF",
      "SH", "SJ", "SL", "SN", "SY", "TB", "TD", "TY", "WB", "WH", "WJ", "WM", "WS", "WW", "XB",
      "XF", "YB", "YC", "YD", "YS", "YY", "YZ", "ZY", "JJF", "JJG", "GJB");

  private ChineseIndustryCodes() {}

  private static final Set<String> CODE_SET = Set.copyOf(CODES);

  static boolean isCode(String code) {
    return CODE_SET.contains(code);
  }
}
