package dev.faultline.probe.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket, for one thread at a time: writes a
 * pre-encoded request, reads the answer's status line and headers, and drains the body (by {@code
 * Content-Length}, chunked, or to the end of the stream) without keeping it.
 *
 * <p>Why not the JDK's {@code HttpClient}: a load generator spends its CPU per request, and the JDK
 * client's asynchronous pipeline (futures, subscribers, a selector thread handing work to
 * executors) costs several times what a blocking write and read on a virtual thread cost. This
 * class does only what measuring needs, which is what lets {@code load.http} keep up with {@code
 * wrk} per core (see {@code LoadBenchmark}).
 *
 * <p>The connection opens on first use and again after the server closed it. A request on a reused
 * connection that the server had already closed (an idle keep-alive timeout) is sent once more on a
 * fresh connection, unless its method is not idempotent.
 */
final class Http1Connection implements Transport.Channel {
  private static final int MAX_HEADER_BYTES = 64 * 1024;

  /** {@link #deadline} while no request is in flight. */
  private static final long IDLE = Long.MIN_VALUE;

  /** {@link #deadline} once the watch has closed the connection for passing it. */
  private static final long EXPIRED = Long.MIN_VALUE + 1;

  private final InetSocketAddress address;
  private final DeadlineWatch watch;
  private final AtomicLong deadline = new AtomicLong(IDLE);
  private final byte[] request;
  private final boolean head;
  private final boolean retryable;
  private byte[] buf = new byte[16 * 1024];
  private int pos;
  private int limit;
  private volatile Socket socket; // the watch closes it from its own thread
  private InputStream in;
  private OutputStream out;
  private boolean reused;
  private boolean watched;
  private boolean answerStarted;
  private boolean http10;

  Http1Connection(InetSocketAddress address, RequestBytes request, DeadlineWatch watch) {
    this.address = address;
    this.watch = watch;
    this.request = request.bytes();
    this.head = request.method().equals("HEAD");
    this.retryable = !(request.method().equals("POST") || request.method().equals("PATCH"));
  }

  @Override
  public int send(long deadlineNanos) throws IOException {
    if (deadlineNanos - System.nanoTime() <= 0) {
      throw new SocketTimeoutException("deadline passed before sending");
    }
    deadline.set(deadlineNanos);
    if (!watched) {
      watch.add(this);
      watched = true;
    }
    IOException failure = null;
    int status = 0;
    try {
      status = sendOnce();
    } catch (IOException e) {
      failure = e;
    }
    if (deadline.getAndSet(IDLE) == EXPIRED) {
      close();
      throw new SocketTimeoutException("no answer by the deadline");
    }
    if (failure != null) {
      throw failure;
    }
    return status;
  }

  /** Called by the watch: closes the connection if its request passed its deadline. */
  void expireIfLate(long nowNanos) {
    long due = deadline.get();
    if (due != IDLE
        && due != EXPIRED
        && nowNanos - due > 0
        && deadline.compareAndSet(due, EXPIRED)) {
      Socket s = socket;
      if (s != null) {
        try {
          s.close(); // the blocked read or connect fails at once
        } catch (IOException ignored) {
          // closed anyway
        }
      }
    }
  }

  private int sendOnce() throws IOException {
    boolean wasReused = socket != null && reused;
    try {
      return attempt();
    } catch (SocketTimeoutException e) {
      close();
      throw e;
    } catch (StaleConnectionException e) {
      close();
      if (wasReused && retryable && deadline.get() != EXPIRED) {
        return retryOnFreshConnection();
      }
      throw new EOFException("connection closed by the server before an answer");
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private int retryOnFreshConnection() throws IOException {
    try {
      return attempt();
    } catch (StaleConnectionException e) {
      close();
      throw new EOFException("connection closed by the server before an answer");
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private int attempt() throws IOException {
    if (socket == null) {
      connect();
    }
    answerStarted = false;
    try {
      out.write(request);
      int status = readAnswer();
      reused = true;
      return status;
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      // A reused connection that fails before the first byte of an answer was most likely closed
      // by the server while idle (a reset, or the end of the stream): nothing was processed.
      if (reused && !answerStarted) {
        throw new StaleConnectionException();
      }
      throw e;
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      socket = s; // before connecting, so the watch can give up on a connect that hangs
      s.connect(address);
      in = s.getInputStream();
      out = s.getOutputStream();
      pos = 0;
      limit = 0;
      reused = false;
    } catch (IOException e) {
      socket = null;
      s.close();
      throw e;
    }
  }

  /** Reads one answer (skipping 1xx interim answers); returns its status. */
  private int readAnswer() throws IOException {
    while (true) {
      int headerEnd = awaitHeaders();
      int status = status();
      Headers headers = headers(headerEnd);
      pos = headerEnd;
      if (status >= 100 && status < 200 && status != 101) {
        continue; // 100 Continue, 103 Early Hints: the real answer follows
      }
      if (head || status == 204 || status == 304) {
        keepOrClose(headers);
        return status;
      }
      if (headers.chunked) {
        drainChunked();
      } else if (headers.contentLength >= 0) {
        skip(headers.contentLength);
      } else {
        drainToEnd();
        close();
        return status;
      }
      keepOrClose(headers);
      return status;
    }
  }

  private void keepOrClose(Headers headers) throws IOException {
    if (headers.close) {
      close();
    }
  }

  /** Reads until the buffer holds a whole header block; returns the index just after it. */
  private int awaitHeaders() throws IOException {
    int scanned = 0; // bytes after pos already looked at; fill() may move pos, not this
    while (true) {
      for (int i = pos + Math.max(0, scanned - 3); i + 3 < limit; i++) {
        if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
          return i + 4;
        }
      }
      scanned = limit - pos;
      if (limit - pos >= MAX_HEADER_BYTES) {
        throw new IOException("answer headers longer than " + MAX_HEADER_BYTES + " bytes");
      }
      if (fill() < 0) {
        throw new EOFException(
            answerStarted
                ? "connection closed in the middle of the answer headers"
                : "connection closed by the server before an answer");
      }
    }
  }

  /** The status code of the status line at {@code pos}: {@code HTTP/1.1 200 OK}. */
  private int status() throws IOException {
    int i = pos;
    if (limit - i < 12 || buf[i] != 'H' || buf[i + 1] != 'T' || buf[i + 4] != '/') {
      throw new IOException("not an HTTP answer");
    }
    while (i < limit && buf[i] != ' ') {
      i++;
    }
    int code = 0;
    for (int d = 1; d <= 3; d++) {
      byte b = buf[i + d];
      if (b < '0' || b > '9') {
        throw new IOException("malformed HTTP status line");
      }
      code = code * 10 + (b - '0');
    }
    // HTTP/1.0 answers close unless they say keep-alive; the headers below read this.
    http10 = buf[pos + 7] == '0';
    return code;
  }

  /** What the headers say about the body and the connection. */
  private static final class Headers {
    long contentLength = -1;
    boolean chunked;
    boolean close;
  }

  private Headers headers(int headerEnd) throws IOException {
    var h = new Headers();
    boolean keepAlive = false;
    int line = lineEnd(pos, headerEnd) + 2; // after the status line
    while (line < headerEnd - 2) {
      int end = lineEnd(line, headerEnd);
      int colon = indexOf((byte) ':', line, end);
      if (colon > line) {
        int valueStart = colon + 1;
        while (valueStart < end && (buf[valueStart] == ' ' || buf[valueStart] == '\t')) {
          valueStart++;
        }
        if (nameIs(line, colon, "content-length")) {
          h.contentLength = parseLength(valueStart, end);
        } else if (nameIs(line, colon, "transfer-encoding")) {
          h.chunked = contains(valueStart, end, "chunked");
        } else if (nameIs(line, colon, "connection")) {
          h.close |= contains(valueStart, end, "close");
          keepAlive |= contains(valueStart, end, "keep-alive");
        }
      }
      line = end + 2;
    }
    if (http10 && !keepAlive) {
      h.close = true;
    }
    return h;
  }

  private int lineEnd(int from, int to) {
    for (int i = from; i + 1 < to; i++) {
      if (buf[i] == '\r' && buf[i + 1] == '\n') {
        return i;
      }
    }
    return to - 2;
  }

  private int indexOf(byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private boolean nameIs(int from, int to, String lowerName) {
    int end = to;
    while (end > from && (buf[end - 1] == ' ' || buf[end - 1] == '\t')) {
      end--;
    }
    if (end - from != lowerName.length()) {
      return false;
    }
    for (int i = 0; i < lowerName.length(); i++) {
      if ((buf[from + i] | 0x20) != lowerName.charAt(i) && buf[from + i] != lowerName.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean contains(int from, int to, String lowerWord) {
    outer:
    for (int i = from; i + lowerWord.length() <= to; i++) {
      for (int j = 0; j < lowerWord.length(); j++) {
        if ((buf[i + j] | 0x20) != lowerWord.charAt(j) && buf[i + j] != lowerWord.charAt(j)) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private long parseLength(int from, int to) throws IOException {
    long n = 0;
    int i = from;
    for (; i < to && buf[i] >= '0' && buf[i] <= '9'; i++) {
      n = n * 10 + (buf[i] - '0');
      if (n < 0) {
        throw new IOException("Content-Length out of range");
      }
    }
    if (i == from) {
      throw new IOException("malformed Content-Length");
    }
    return n;
  }

  private void drainChunked() throws IOException {
    while (true) {
      int end = awaitLine();
      long size = 0;
      int i = pos;
      for (; i < end; i++) {
        int digit = Character.digit(buf[i], 16);
        if (digit < 0) {
          break; // a chunk extension (";name=value") or trailing blanks
        }
        size = size * 16 + digit;
        if (size < 0) {
          throw new IOException("chunk size out of range");
        }
      }
      if (i == pos) {
        throw new IOException("malformed chunk size");
      }
      pos = end + 2;
      if (size == 0) {
        // Trailers, if any, end with an empty line.
        while (true) {
          int trailerEnd = awaitLine();
          boolean empty = trailerEnd == pos;
          pos = trailerEnd + 2;
          if (empty) {
            return;
          }
        }
      }
      skip(size + 2); // the chunk and its CRLF
    }
  }

  /** Reads until a whole line is buffered from {@code pos}; returns the index of its CR. */
  private int awaitLine() throws IOException {
    int scanned = 0; // bytes after pos already looked at; fill() may move pos, not this
    while (true) {
      for (int i = pos + Math.max(0, scanned - 1); i + 1 < limit; i++) {
        if (buf[i] == '\r' && buf[i + 1] == '\n') {
          return i;
        }
      }
      scanned = limit - pos;
      if (limit - pos >= MAX_HEADER_BYTES) {
        throw new IOException("chunk header longer than " + MAX_HEADER_BYTES + " bytes");
      }
      if (fill() < 0) {
        throw new EOFException("connection closed in the middle of a chunked body");
      }
    }
  }

  private void skip(long count) throws IOException {
    long left = count;
    while (true) {
      int buffered = limit - pos;
      if (buffered >= left) {
        pos += (int) left;
        return;
      }
      left -= buffered;
      pos = limit;
      if (fill() < 0) {
        throw new EOFException("connection closed in the middle of the answer body");
      }
    }
  }

  private void drainToEnd() throws IOException {
    pos = limit;
    while (fill() >= 0) {
      pos = limit;
    }
  }

  /**
   * Reads more bytes after {@code limit}, compacting or growing the buffer first; returns the count
   * read, or -1 at the end of the stream.
   */
  private int fill() throws IOException {
    if (pos == limit) {
      pos = 0;
      limit = 0;
    } else if (limit == buf.length) {
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
      } else {
        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
      }
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n > 0) {
      limit += n;
      answerStarted = true;
    }
    return n;
  }

  @Override
  public void close() {
    watch.remove(this);
    watched = false;
    Socket s = socket;
    socket = null;
    in = null;
    out = null;
    pos = 0;
    limit = 0;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** The server closed a connection before sending anything: safe to try a fresh one. */
  private static final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException() {
      super("connection closed by the server", null);
    }
  }
}
