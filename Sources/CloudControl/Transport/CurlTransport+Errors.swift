import CCurl
import Foundation

extension CurlTransport {
    /// Maps a libcurl result code (libcurl-errors(3)) to a `TransportError`, keeping libcurl's
    /// own message as the cause.
    static func error(
        for code: CURLcode, detail: String, collector: CurlResponseCollector, host: String, limit: Int
    ) -> TransportError {
        let text = String(cString: curl_easy_strerror(code))
        let cause = detail.isEmpty ? text : detail
        let kind: TransportError.Kind
        switch code {
        case CURLE_COULDNT_CONNECT:
            kind = cause.localizedCaseInsensitiveContains("timed out") ? .timeout : .connectionRefused
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            kind = .hostNotFound
        case CURLE_OPERATION_TIMEDOUT:
            kind = .timeout
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR:
            kind = .connectionReset
        case CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE:
            kind = .connectionDropped
        case CURLE_WRITE_ERROR where collector.exceededLimit, CURLE_FILESIZE_EXCEEDED:
            return TransportError(
                kind: .responseTooLarge, host: host,
                cause: "the response body exceeds the limit of \(limit) bytes")
        case CURLE_WEIRD_SERVER_REPLY, CURLE_BAD_CONTENT_ENCODING, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            kind = .malformedResponse
        case CURLE_OUT_OF_MEMORY:
            // libcurl (before 8.6) reports a header line past its limit this way, which a
            // hostile server can send at will; true exhaustion is the rare case.
            return TransportError(
                kind: .malformedResponse, host: host,
                cause: "a response header longer than libcurl accepts, or no memory left (libcurl: \(cause))")
        case CURLE_UNSUPPORTED_PROTOCOL:
            // libcurl reports a reply without a status line ("Received HTTP/0.9 when not
            // allowed") with this code too.
            kind = cause.contains("HTTP/0.9") ? .malformedResponse : .invalidRequest
        case CURLE_URL_MALFORMAT:
            kind = .invalidRequest
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE,
            CURLE_SSL_SHUTDOWN_FAILED:
            kind = .tls
        default:
            kind = .other
        }
        return TransportError(kind: kind, host: host, cause: cause)
    }

    /// Says which time-out fired, with the setting that controls it, for libcurl's
    /// CURLE_OPERATION_TIMEDOUT and connect time-outs, which share one code.
    func explainTimeout(_ cause: String, total: TimeInterval) -> String {
        if cause.localizedCaseInsensitiveContains("connect") || cause.contains("Resolving timed out") {
            return "connect timeout: no connection within \(Self.seconds(configuration.connectTimeout)) (--cli-connect-timeout, cli_connect_timeout; 0 for none) (\(cause))"
        }
        return "the request did not complete within \(Self.seconds(total)) (\(cause))"
    }

    static func seconds(_ interval: TimeInterval) -> String {
        interval == interval.rounded() ? "\(Int(interval)) s" : "\(interval) s"
    }
}
