import Foundation

/// Collects the header lines and body bytes libcurl hands to its callbacks during one
/// exchange, and enforces the response size limit. Lives only for the duration of one
/// `curl_easy_perform`, reached from the C callbacks through an unmanaged pointer.
final class CurlResponseCollector {
    let limit: Int
    private(set) var headers: [(name: String, value: String)] = []
    private(set) var body: [UInt8] = []
    /// Set when the body passed `limit`; the write callback then refuses the data, which
    /// makes libcurl abort with CURLE_WRITE_ERROR.
    private(set) var exceededLimit = false

    /// The read time-out (0 for none) and what it has seen: the uptime, in nanoseconds, of
    /// the last byte sent or received (body bytes as libcurl counts them, header lines as they
    /// complete), and the byte counts then. libcurl's own low-speed
    /// check averages over several seconds and counts the request's upload, so it fires
    /// seconds late; this one fires within about a second (libcurl calls the progress
    /// function about once a second when nothing moves).
    let readTimeout: TimeInterval
    private var lastActivity = DispatchTime.now().uptimeNanoseconds
    private var lastCounts: (Int64, Int64) = (0, 0)
    /// Set when the read time-out aborted the transfer (CURLE_ABORTED_BY_CALLBACK).
    private(set) var readTimedOut = false

    init(limit: Int, readTimeout: TimeInterval = 0) {
        self.limit = limit
        self.readTimeout = readTimeout
    }

    /// Called by libcurl's progress function with the bytes moved so far; false aborts.
    func progress(received: Int64, sent: Int64) -> Bool {
        let now = DispatchTime.now().uptimeNanoseconds
        if (received, sent) != lastCounts {
            lastCounts = (received, sent)
            lastActivity = now
            return true
        }
        guard readTimeout > 0, Double(now - lastActivity) / 1e9 >= readTimeout else { return true }
        readTimedOut = true
        return false
    }

    /// Appends body bytes; returns false (abort) when the limit would be passed.
    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if body.count + bytes.count > limit {
            exceededLimit = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Takes one raw header line (RFC 9112 §5: `field-name ":" OWS field-value OWS`).
    /// A status line starts a new header block, so the headers of an interim response
    /// (100 Continue) or of a proxy's CONNECT reply are discarded.
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        // libcurl's progress counts body bytes only; a header line is data received too.
        lastActivity = DispatchTime.now().uptimeNanoseconds
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            headers.removeAll()
            body.removeAll()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        headers.append((name: name, value: value))
    }
}
