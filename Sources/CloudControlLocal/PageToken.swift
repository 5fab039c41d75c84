import Foundation

/// Opaque pagination tokens: base64 of `kind:scope:sequence`, so a token only works for the
/// listing that issued it (base64 keeps them within the service's `[-A-Za-z0-9+/=]+` pattern).
enum PageToken {
    static func encode(kind: String, scope: String, seq: Int64) -> String {
        Data("\(kind):\(scope):\(seq)".utf8).base64EncodedString()
    }

    /// The sequence number in `token`, or InvalidRequestException when it was not issued for
    /// this kind and scope.
    static func decode(_ token: String, kind: String, scope: String) throws -> Int64 {
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8) else {
            throw LocalError.invalidRequest("NextToken '\(token)' is not a token this service issued")
        }
        let prefix = "\(kind):\(scope):"
        guard text.hasPrefix(prefix), let seq = Int64(text.dropFirst(prefix.count)) else {
            throw LocalError.invalidRequest("NextToken '\(token)' does not belong to this listing")
        }
        return seq
    }
}
