package io.newsgraph.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests {@code java.net.http} cannot send the way a test needs: the request is
 * written in small pieces, and the client stops writing and reads as soon as the server answers. A server that refuses
 * an oversized header block answers (431) and closes while a client that sends the whole block first is still writing;
 * the bytes the server leaves unread make its kernel reset the connection, and the reset can destroy the answer before
 * that client reads it. Reading while sending is how such an answer is seen every time.
 */
final class RawHttp {

    private static final int PIECE = 2048;

    private RawHttp() {
    }

    /** The request's bytes: {@code head} is the request line and header lines, without the blank line that ends it. */
    static byte[] request(String head, byte[] body) {
        byte[] h = (head + "\r\n" + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            return h;
        }
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** Sends {@code bytes} to the host and port of {@code url} piece by piece, stopping once an answer arrives. */
    static Http.Response send(String url, byte[] bytes) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            socket.setSoTimeout((int) Http.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            try {
                for (int i = 0; i < bytes.length && in.available() == 0; i += PIECE) {
                    out.write(bytes, i, Math.min(PIECE, bytes.length - i));
                    out.flush();
                    // let the server read what arrived (and answer) before more piles up unread
                    Thread.sleep(1);
                }
            } catch (IOException e) {
                // the server closed while we wrote: its answer, if any, is read below
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (IOException e) {
                if (answer.size() == 0) {
                    throw e;
                }
            }
            return parse(answer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("raw request to " + url + ": no answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Http.Response parse(byte[] answer) throws IOException {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            throw new IOException("not an HTTP answer: " + Http.abbreviate(text));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].toLowerCase(Locale.ROOT);
            if (line.startsWith("content-type:")) {
                contentType = lines[i].substring("content-type:".length()).trim();
            } else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(answer, end + 4, answer.length);
        return new Http.Response(status, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8), contentType);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = indexOf(body, i);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(n, body.length - lineEnd - 2));
            i = lineEnd + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
