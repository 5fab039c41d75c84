/// A response the client could not make sense of: a body that is not the JSON the protocol
/// promises, or JSON that does not fit the operation's output shape.
public struct ResponseDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status of the response.
    public var status: Int
    /// What was wrong, e.g. `body is not JSON` or `ProgressEvent.EventTime: expected a number`.
    public var reason: String
    /// The first bytes of the body as text, control characters escaped.
    public var excerpt: String

    public init(status: Int, reason: String, body: [UInt8]) {
        self.status = status
        self.reason = reason
        self.excerpt = Self.excerpt(of: body)
    }

    public var description: String {
        "Could not decode the response (HTTP \(status)): \(reason); body starts: \(excerpt)"
    }

    /// Whether the status is one botocore's standard mode treats as transient (a 5xx page
    /// from a load balancer is still worth retrying).
    public var isTransient: Bool { CloudControlError.transientStatuses.contains(status) }

    static let excerptLimit = 120

    static func excerpt(of body: [UInt8]) -> String {
        if body.isEmpty { return "(empty)" }
        let head = String(decoding: body.prefix(excerptLimit), as: UTF8.self)
        var text = ""
        for scalar in head.unicodeScalars {
            switch scalar {
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    text += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        let quoted = "\"" + text + "\""
        return body.count > excerptLimit ? quoted + "… (\(body.count) bytes)" : quoted
    }
}
