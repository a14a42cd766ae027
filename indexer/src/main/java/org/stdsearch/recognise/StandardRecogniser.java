package org.stdsearch.recognise;

import java.nio.file.Path;
import org.stdsearch.extract.ExtractedDocument;

/** PLACEHOLDER until the recogniser lands. */
public final class StandardRecogniser {
  public RecognisedStandard recognise(ExtractedDocument doc, Path file, Sidecars sidecars) {
    return RecognisedStandard.unrecognised(doc);
  }
}
