package org.stdsearch.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The passage score without a term hash is Lucene's, to the last bit. */
class PassageScoresTest {
  @Test
  void scoresEveryPassageExactlyAsLucene() {
    Random random = new Random(11);
    PassageScorer lucene = new PassageScorer();
    PassageScores ours = new PassageScores();
    String[] words = {"数据", "据中", "中心", "data", "secur", "network", "clause", "5g"};
    for (int i = 0; i < 20_000; i++) {
      Passage p = new Passage();
      int start = random.nextInt(200_000);
      p.setStartOffset(start);
      p.setEndOffset(start + 40 + random.nextInt(400));
      int matches = random.nextInt(12); // none, one, or terms repeated within the passage
      for (int m = 0; m < matches; m++) {
        int at = start + m * 3;
        // a new BytesRef each time, with an offset into a larger array: equal bytes, not equal objects
        byte[] bytes = ("xx" + words[random.nextInt(words.length)]).getBytes(StandardCharsets.UTF_8);
        p.addMatch(at, at + 2, new BytesRef(bytes, 2, bytes.length - 2), 1 + random.nextInt(500));
      }
      int contentLength = p.getEndOffset() + random.nextInt(1_000_000);
      float expected = lucene.score(p, contentLength);
      assertThat(Float.floatToIntBits(ours.score(p, contentLength)))
          .as("passage %d with %d matches", i, matches)
          .isEqualTo(Float.floatToIntBits(expected));
    }
  }
}
