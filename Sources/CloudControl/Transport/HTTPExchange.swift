import Foundation

/// One request/response exchange as the transport saw it, handed to a debug hook. Secrets are
/// already redacted: the signature of the Authorization header and the security token.
public struct HTTPExchange: Sendable {
    public var request: HTTPRequest
    /// The response, when one arrived.
    public var response: HTTPResponse?
    /// The failure, when no complete response arrived.
    public var error: TransportError?
    /// Wall-clock time from sending to the last byte or the failure.
    public var duration: TimeInterval

    public init(request: HTTPRequest, response: HTTPResponse?, error: TransportError?, duration: TimeInterval)
    {
        self.request = HTTPExchange.redacted(request)
        self.response = response
        self.error = error
        self.duration = duration
    }

    /// The request with `Signature=` of the Authorization header and the value of
    /// `X-Amz-Security-Token` replaced by `<redacted>`. The access key id stays, as the AWS
    /// CLI's debug log keeps it: it identifies the key without granting anything.
    public static func redacted(_ request: HTTPRequest) -> HTTPRequest {
        var copy = request
        copy.headers = request.headers.map { field in
            (name: field.name, value: redactedValue(name: field.name, value: field.value))
        }
        return copy
    }

    /// The header value with secrets replaced; other headers are returned unchanged.
    public static func redactedValue(name: String, value: String) -> String {
        switch name.lowercased() {
        case "x-amz-security-token", "x-amz-sso_bearer_token":
            return "<redacted>"
        case "authorization":
            guard let range = value.range(of: "Signature=") else { return value }
            return value[..<range.upperBound] + "<redacted>"
        default:
            return value
        }
    }

    /// The exchange with both bodies replaced by their length: for calls whose bodies carry
    /// credentials (STS answers, a web identity token, the SSO portal's answer).
    public func withoutBodies() -> HTTPExchange {
        var copy = self
        if !copy.request.body.isEmpty {
            copy.request.body = Array("<\(copy.request.body.count) bytes redacted: they carry credentials>".utf8)
        }
        if let body = copy.response?.body, !body.isEmpty {
            copy.response?.body = Array("<\(body.count) bytes redacted: they carry credentials>".utf8)
        }
        return copy
    }

    /// The exchange as text, the way `--debug` prints it: request line, headers, body, then the
    /// status line, headers and body of the response (or the error).
    public func render() -> String {
        var lines: [String] = ["> \(request.method) \(request.url)"]
        lines += request.headers.map { "> \($0.name): \($0.value)" }
        if !request.body.isEmpty { lines.append("> " + String(decoding: request.body, as: UTF8.self)) }
        if let response {
            lines.append("< HTTP \(response.status) (\(String(format: "%.3f", duration)) s)")
            lines += response.headers.map { "< \($0.name): \($0.value)" }
            if !response.body.isEmpty { lines.append("< " + String(decoding: response.body, as: UTF8.self)) }
        } else if let error {
            lines.append("! \(error)")
        }
        return lines.joined(separator: "\n")
    }
}
