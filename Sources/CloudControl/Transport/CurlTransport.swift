import CCurl
import Foundation

/// The production `HTTPTransport`: libcurl easy handles reused from a small pool
/// (`Configuration.maxConnections`), so consecutive requests to the same endpoint share a
/// kept-alive connection and concurrent callers each get their own handle.
///
/// TLS peer and host verification are always on. Proxies come from `Configuration.proxies`.
/// Only this type (and the CCurl shim) touch libcurl.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    public let configuration: Configuration
    private let pool: CurlHandlePool

    /// curl_global_init is not thread-safe and must run once before any handle exists; a
    /// static let is initialised exactly once, atomically.
    private static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

    public init(configuration: Configuration) {
        _ = CurlTransport.globalInit
        self.configuration = configuration
        self.pool = CurlHandlePool(capacity: configuration.maxConnections)
    }

    /// Closes the kept-alive connections. A later `send` opens new ones.
    public func close() {
        pool.close()
    }

    public func send(_ request: HTTPRequest, timeout: TimeInterval?) throws -> HTTPResponse {
        let started = Date()
        do {
            let response = try perform(request, timeout: timeout ?? configuration.totalTimeout)
            configuration.debugHook?(
                HTTPExchange(
                    request: request, response: response, error: nil,
                    duration: Date().timeIntervalSince(started)))
            return response
        } catch let error as TransportError {
            configuration.debugHook?(
                HTTPExchange(
                    request: request, response: nil, error: error, duration: Date().timeIntervalSince(started)
                ))
            throw error
        }
    }

    private func perform(_ request: HTTPRequest, timeout: TimeInterval) throws -> HTTPResponse {
        let host = CurlTransport.hostDescription(of: request.url)
        guard let (curl, generation) = pool.checkout() else {
            throw TransportError(kind: .other, host: host, cause: "libcurl could not create a handle")
        }
        defer { pool.checkin(curl, generation: generation) }
        // Reset clears every option but keeps live connections, the point of reusing the handle.
        curl_easy_reset(curl)

        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let collector = CurlResponseCollector(
            limit: configuration.maxResponseBytes, readTimeout: configuration.readTimeout)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }

        for field in request.headers {
            headerList = curl_slist_append(headerList, "\(field.name): \(field.value)")
        }
        // libcurl adds `Expect: 100-continue` to larger bodies, an extra round trip that some
        // servers mishandle; an empty `Expect:` header turns that off.
        if !request.headers.contains(where: { $0.name.caseInsensitiveCompare("Expect") == .orderedSame }) {
            headerList = curl_slist_append(headerList, "Expect:")
        }

        let code: CURLcode = request.body.withUnsafeBufferPointer { body in
            errorBuffer.withUnsafeMutableBufferPointer { errors in
                withExtendedLifetime(collector) {
                    let context = Unmanaged.passUnretained(collector).toOpaque()
                    var status = configure(
                        curl, request: request, timeout: timeout, headers: headerList,
                        errorBuffer: errors.baseAddress)
                    if status == CURLE_OK, !request.body.isEmpty || request.method == "POST" {
                        status = ccs_curl_setopt_offset(
                            curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                        // An empty POST still needs a non-null pointer so libcurl sends no body
                        // rather than reading one from stdin.
                        let pointer =
                            UnsafeMutableRawPointer(mutating: body.baseAddress)
                            ?? UnsafeMutableRawPointer(mutating: ("" as StaticString).utf8Start)
                        if status == CURLE_OK {
                            status = ccs_curl_setopt_pointer(curl, CURLOPT_POSTFIELDS, pointer)
                        }
                    }
                    if status == CURLE_OK {
                        status = ccs_curl_setopt_pointer(curl, CURLOPT_WRITEDATA, context)
                    }
                    if status == CURLE_OK {
                        status = ccs_curl_setopt_pointer(curl, CURLOPT_HEADERDATA, context)
                    }
                    if status == CURLE_OK { status = ccs_curl_setopt_write_callback(curl, curlWriteBody) }
                    if status == CURLE_OK { status = ccs_curl_setopt_header_callback(curl, curlWriteHeader) }
                    // The read time-out, as the AWS CLI means it (the socket's): the progress
                    // function ends the transfer once nothing has moved for that long.
                    if status == CURLE_OK, configuration.readTimeout > 0 {
                        status = ccs_curl_setopt_xferinfo_callback(curl, curlProgress)
                        if status == CURLE_OK { status = ccs_curl_setopt_pointer(curl, CURLOPT_XFERINFODATA, context) }
                        if status == CURLE_OK { status = ccs_curl_setopt_long(curl, CURLOPT_NOPROGRESS, 0) }
                    }
                    guard status == CURLE_OK else { return status }
                    return curl_easy_perform(curl)
                }
            }
        }
        // Detach the buffers libcurl was given before they go out of scope.
        _ = ccs_curl_setopt_pointer(curl, CURLOPT_ERRORBUFFER, nil)
        _ = ccs_curl_setopt_pointer(curl, CURLOPT_HTTPHEADER, nil)

        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            var error = CurlTransport.error(
                for: code, detail: detail, collector: collector, host: host,
                limit: configuration.maxResponseBytes)
            if code == CURLE_ABORTED_BY_CALLBACK, collector.readTimedOut {
                error = TransportError(
                    kind: .timeout, host: host,
                    cause: "read timeout: nothing received for \(Self.seconds(configuration.readTimeout)) (--cli-read-timeout, cli_read_timeout; 0 for none)")
            } else if error.kind == .timeout {
                error.cause = explainTimeout(error.cause, total: timeout)
            }
            throw error
        }
        var status = 0
        _ = ccs_curl_getinfo_long(curl, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: collector.headers, body: collector.body)
    }

    /// Sets every per-request option; returns the first failure.
    private func configure(
        _ curl: UnsafeMutableRawPointer, request: HTTPRequest, timeout: TimeInterval,
        headers: UnsafeMutablePointer<curl_slist>?, errorBuffer: UnsafeMutablePointer<CChar>?
    ) -> CURLcode {
        var steps: [() -> CURLcode] = [
            { ccs_curl_setopt_pointer(curl, CURLOPT_ERRORBUFFER, errorBuffer) },
            { ccs_curl_setopt_string(curl, CURLOPT_URL, request.url) },
            { ccs_curl_setopt_long(curl, CURLOPT_NOSIGNAL, 1) },
            {
                // 0 is libcurl's default of 300 s, not "none": none is the longest it takes.
                ccs_curl_setopt_long(
                    curl, CURLOPT_CONNECTTIMEOUT_MS,
                    self.configuration.connectTimeout > 0
                        ? CurlTransport.milliseconds(self.configuration.connectTimeout) : Int(Int32.max))
            },
            { ccs_curl_setopt_long(curl, CURLOPT_TIMEOUT_MS, timeout > 0 ? CurlTransport.milliseconds(timeout) : 0) },

            { ccs_curl_setopt_long(curl, CURLOPT_SSL_VERIFYPEER, 1) },
            { ccs_curl_setopt_long(curl, CURLOPT_SSL_VERIFYHOST, 2) },
            { ccs_curl_setopt_long(curl, CURLOPT_TCP_KEEPALIVE, 1) },
            { ccs_curl_setopt_long(curl, CURLOPT_FOLLOWLOCATION, 0) },
            // Only HTTP(S): a redirect or a typo cannot turn a request into file:// or ftp://.
            { ccs_curl_setopt_string(curl, CURLOPT_PROTOCOLS_STR, "http,https") },
            { ccs_curl_setopt_string(curl, CURLOPT_USERAGENT, self.configuration.userAgent) },
            {
                ccs_curl_setopt_offset(
                    curl, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(self.configuration.maxResponseBytes))
            },
            { ccs_curl_setopt_pointer(curl, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headers)) },
            // An explicit empty proxy stops libcurl from reading the environment itself.
            {
                ccs_curl_setopt_string(
                    curl, CURLOPT_PROXY, self.configuration.proxies.proxy(forURL: request.url) ?? "")
            },
        ]
        if let noProxy = configuration.proxies.noProxy {
            steps.append { ccs_curl_setopt_string(curl, CURLOPT_NOPROXY, noProxy) }
        }
        if let bundle = configuration.caBundlePath {
            steps.append { ccs_curl_setopt_string(curl, CURLOPT_CAINFO, bundle) }
        }
        switch request.method {
        case "GET": steps.append { ccs_curl_setopt_long(curl, CURLOPT_HTTPGET, 1) }
        case "POST": steps.append { ccs_curl_setopt_long(curl, CURLOPT_POST, 1) }
        case "HEAD": steps.append { ccs_curl_setopt_long(curl, CURLOPT_NOBODY, 1) }
        default: steps.append { ccs_curl_setopt_string(curl, CURLOPT_CUSTOMREQUEST, request.method) }
        }
        for step in steps {
            let code = step()
            if code != CURLE_OK { return code }
        }
        return CURLE_OK
    }

    private static func milliseconds(_ interval: TimeInterval) -> Int {
        max(1, Int((interval * 1000).rounded(.up)))
    }

    /// `host[:port]` of a URL, for error messages.
    static func hostDescription(of url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return url }
        if let port = components.port { return "\(host):\(port)" }
        return host
    }
}

/// CURLOPT_WRITEFUNCTION: body bytes. Returning fewer bytes than given aborts the transfer.
private func curlWriteBody(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let collector = Unmanaged<CurlResponseCollector>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    return collector.appendBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

/// CURLOPT_HEADERFUNCTION: one complete header line per call (libcurl guarantees this).
private func curlWriteHeader(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let collector = Unmanaged<CurlResponseCollector>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    collector.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
    return length
}

/// CURLOPT_XFERINFOFUNCTION: about once a second, and whenever bytes move; non-zero aborts.
private func curlProgress(
    _ context: UnsafeMutableRawPointer?, _ downloadTotal: curl_off_t, _ downloaded: curl_off_t,
    _ uploadTotal: curl_off_t, _ uploaded: curl_off_t
) -> Int32 {
    guard let context else { return 0 }
    let collector = Unmanaged<CurlResponseCollector>.fromOpaque(context).takeUnretainedValue()
    return collector.progress(received: Int64(downloaded), sent: Int64(uploaded)) ? 0 : 1
}
