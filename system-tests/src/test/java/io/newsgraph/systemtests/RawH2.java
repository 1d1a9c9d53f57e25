package io.newsgraph.systemtests;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTTP/2 over cleartext with prior knowledge, framed by hand over a socket (header blocks coded by Netty's HPACK):
 * an HTTP/2 client library would refuse to send a header block over the size the server announces, so it could not
 * show what the server does with one. {@link #oversizedThenNormal} sends an oversized request on stream 1 and, once
 * that is answered, a normal one on stream 3 of the same connection: whether the connection survives the refusal.
 */
final class RawH2 {

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int DATA = 0, HEADERS = 1, RST_STREAM = 3, SETTINGS = 4, PING = 6, GOAWAY = 7, CONTINUATION = 9;
    private static final int END_STREAM = 0x1, ACK = 0x1, END_HEADERS = 0x4, PADDED = 0x8, PRIORITY = 0x20;
    private static final int MAX_FRAME = 16384;

    /** How one stream ended: its {@code :status} (0 if none), or the error code of a RST_STREAM, and its body. */
    record Answer(int status, long resetCode, String body) {
        @Override
        public String toString() {
            return status > 0 ? "HTTP/2 " + status + " " + Http.abbreviate(body) : "RST_STREAM error " + resetCode;
        }
    }

    /** What happened on the connection. {@code second} is null when the server closed it (GOAWAY) before stream 3. */
    record Exchange(Answer first, Answer second, Long goAwayCode, List<String> frames) {
    }

    private RawH2() {
    }

    static Exchange oversizedThenNormal(String url, Map<String, String> oversized, Map<String, String> normal) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            socket.setSoTimeout((int) Http.TIMEOUT.toMillis());
            Connection c = new Connection(socket, uri);
            c.out.write(PREFACE);
            c.frame(SETTINGS, 0, 0, new byte[0]);
            c.request(1, oversized);
            Answer first = c.await(1);
            Answer second = null;
            if (c.goAway == null) {
                c.request(3, normal);
                second = c.await(3);
            }
            return new Exchange(first, second, c.goAway, c.frames);
        } catch (IOException | Http2Exception e) {
            throw new UncheckedIOException("HTTP/2 to " + url + ": no answer (" + e + ")", new IOException(e));
        }
    }

    private static final class Connection {
        final DataInputStream in;
        final OutputStream out;
        final URI uri;
        final DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder();
        final DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(false);
        final List<String> frames = new ArrayList<>();
        Long goAway;

        Connection(Socket socket, URI uri) throws IOException {
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
            this.uri = uri;
        }

        void request(int stream, Map<String, String> headers) throws IOException, Http2Exception {
            Http2Headers h = new DefaultHttp2Headers().method("GET").scheme("http").authority(uri.getAuthority())
                    .path(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            headers.forEach(h::add);
            ByteBuf block = Unpooled.buffer();
            encoder.encodeHeaders(stream, h, block);
            byte[] bytes = new byte[block.readableBytes()];
            block.readBytes(bytes);
            block.release();
            // one HEADERS frame, then CONTINUATION frames for the rest of the block
            for (int i = 0; i < bytes.length || i == 0; i += MAX_FRAME) {
                int n = Math.min(MAX_FRAME, bytes.length - i);
                byte[] piece = java.util.Arrays.copyOfRange(bytes, i, i + n);
                boolean last = i + MAX_FRAME >= bytes.length;
                frame(i == 0 ? HEADERS : CONTINUATION, (i == 0 ? END_STREAM : 0) | (last ? END_HEADERS : 0), stream, piece);
            }
            out.flush();
        }

        void frame(int type, int flags, int stream, byte[] payload) throws IOException {
            byte[] head = {(byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length, (byte) type,
                    (byte) flags, (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8), (byte) stream};
            out.write(head);
            out.write(payload);
            out.flush();
        }

        /** Reads frames until {@code stream} ends (or the connection does); answers SETTINGS and PING meanwhile. */
        Answer await(int stream) throws IOException, Http2Exception {
            int status = 0;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            ByteArrayOutputStream block = null;
            int blockStream = 0;
            boolean blockEnds = false;
            while (true) {
                int length;
                try {
                    length = (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
                } catch (EOFException e) {
                    frames.add("EOF");
                    return new Answer(status, -1, body.toString(StandardCharsets.UTF_8));
                }
                int type = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                int id = in.readInt() & 0x7fffffff;
                byte[] payload = in.readNBytes(length);
                frames.add(name(type) + "(stream " + id + ", flags " + flags + ", " + length + " bytes)");
                switch (type) {
                    case SETTINGS -> {
                        if ((flags & ACK) == 0) {
                            frame(SETTINGS, ACK, 0, new byte[0]);
                        }
                    }
                    case PING -> {
                        if ((flags & ACK) == 0) {
                            frame(PING, ACK, 0, payload);
                        }
                    }
                    case GOAWAY -> {
                        goAway = ((payload[4] & 0xffL) << 24) | ((payload[5] & 0xff) << 16) | ((payload[6] & 0xff) << 8) | (payload[7] & 0xff);
                        return new Answer(status, -1, body.toString(StandardCharsets.UTF_8));
                    }
                    case RST_STREAM -> {
                        if (id == stream) {
                            long code = ((payload[0] & 0xffL) << 24) | ((payload[1] & 0xff) << 16) | ((payload[2] & 0xff) << 8) | (payload[3] & 0xff);
                            return new Answer(status, code, body.toString(StandardCharsets.UTF_8));
                        }
                    }
                    case HEADERS, CONTINUATION -> {
                        int from = 0;
                        int to = payload.length;
                        if (type == HEADERS) {
                            if ((flags & PADDED) != 0) {
                                to -= payload[0] & 0xff;
                                from = 1;
                            }
                            if ((flags & PRIORITY) != 0) {
                                from += 5;
                            }
                            block = new ByteArrayOutputStream();
                            blockStream = id;
                            blockEnds = (flags & END_STREAM) != 0;
                        }
                        block.write(payload, from, to - from);
                        if ((flags & END_HEADERS) != 0) {
                            Http2Headers h = decoder.decodeHeaders(blockStream, Unpooled.wrappedBuffer(block.toByteArray()));
                            if (blockStream == stream && h.status() != null) {
                                status = Integer.parseInt(h.status().toString());
                            }
                            if (blockStream == stream && blockEnds) {
                                return new Answer(status, -1, body.toString(StandardCharsets.UTF_8));
                            }
                        }
                    }
                    case DATA -> {
                        if (id == stream) {
                            int from = (flags & PADDED) != 0 ? 1 : 0;
                            int to = payload.length - ((flags & PADDED) != 0 ? payload[0] & 0xff : 0);
                            body.write(payload, from, to - from);
                            if ((flags & END_STREAM) != 0) {
                                return new Answer(status, -1, body.toString(StandardCharsets.UTF_8));
                            }
                        }
                    }
                    default -> { }
                }
            }
        }

        private static String name(int type) {
            return switch (type) {
                case DATA -> "DATA";
                case HEADERS -> "HEADERS";
                case RST_STREAM -> "RST_STREAM";
                case SETTINGS -> "SETTINGS";
                case PING -> "PING";
                case GOAWAY -> "GOAWAY";
                case 8 -> "WINDOW_UPDATE";
                case CONTINUATION -> "CONTINUATION";
                default -> "type " + type;
            };
        }
    }
}
