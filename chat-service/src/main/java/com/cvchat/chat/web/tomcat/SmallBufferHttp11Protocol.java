package com.cvchat.chat.web.tomcat;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's HTTP/1.1 connector with a smaller response buffer per connection. Tomcat sizes each response's output
 * buffer by {@link #getDesiredBufferSize()} (a byte buffer and a char buffer; 8 K each by default, 24 KiB per
 * connection, kept for as long as an SSE stream is held). Every SSE event is flushed on its own and is smaller than
 * this, so nothing changes for streams; a JSON answer larger than it is sent chunked instead of with a
 * {@code Content-Length}.
 */
public class SmallBufferHttp11Protocol extends Http11NioProtocol {

    static final int RESPONSE_BUFFER_BYTES = 1024;

    @Override
    public int getDesiredBufferSize() {
        return RESPONSE_BUFFER_BYTES;
    }
}
