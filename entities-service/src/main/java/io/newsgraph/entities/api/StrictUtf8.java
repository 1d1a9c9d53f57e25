package io.newsgraph.entities.api;

import io.newsgraph.entities.domain.InvalidInputException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes request text as UTF-8 and refuses malformed bytes. The default decoding would replace them with U+FFFD, and
 * mention offsets would then point into a text the caller never sent.
 */
final class StrictUtf8 {

    private StrictUtf8() {
    }

    static String decode(byte[] body) {
        if (body == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("INVALID_UTF8", "the body is not valid UTF-8");
        }
    }
}
