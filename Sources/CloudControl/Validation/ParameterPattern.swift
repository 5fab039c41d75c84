/// The `pattern`s of the service model's string shapes that constrain input, each matched by
/// hand against the whole value (see `ParameterRules`).
enum ParameterPattern: Sendable {
    /// TypeName: `[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}`.
    case typeName
    /// TypeVersionId: `[A-Za-z0-9-]+`.
    case typeVersionId
    /// RequestToken, ClientToken and NextToken: `[-A-Za-z0-9+/=]+`.
    case token
    /// RoleArn: `arn:.+:iam::[0-9]{12}:role/.+`.
    case roleArn

    /// The pattern as the model writes it, for error messages.
    var source: String {
        switch self {
        case .typeName: return "[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}"
        case .typeVersionId: return "[A-Za-z0-9-]+"
        case .token: return "[-A-Za-z0-9+/=]+"
        case .roleArn: return "arn:.+:iam::[0-9]{12}:role/.+"
        }
    }

    func matches(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        switch self {
        case .typeName:
            let segments = value.split(separator: ":", omittingEmptySubsequences: false)
            // "A::B::C" splits on single colons into A, "", B, "", C.
            guard segments.count == 5, segments[1].isEmpty, segments[3].isEmpty else { return false }
            return [segments[0], segments[2], segments[4]].allSatisfy { segment in
                (2...64).contains(segment.utf8.count) && segment.utf8.allSatisfy(Self.isAlphanumeric)
            }
        case .typeVersionId:
            return !bytes.isEmpty && bytes.allSatisfy { Self.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        case .token:
            return !bytes.isEmpty
                && bytes.allSatisfy { byte in
                    Self.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                        || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
                }
        case .roleArn:
            return Self.matchesRoleArn(bytes)
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// `arn:.+:iam::[0-9]{12}:role/.+` where `.` is any character but a line break: some
    /// occurrence of `:iam::` + 12 digits + `:role/` must have at least one character between
    /// it and the leading `arn:` and at least one after it.
    private static func matchesRoleArn(_ bytes: [UInt8]) -> Bool {
        let prefix = Array("arn:".utf8)
        let marker = Array(":iam::".utf8)
        let suffix = Array(":role/".utf8)
        guard bytes.starts(with: prefix),
            !bytes.contains(where: { $0 == 0x0A || $0 == 0x0D })
        else { return false }
        let needed = marker.count + 12 + suffix.count
        var start = prefix.count + 1
        while start + needed < bytes.count {
            let digitsStart = start + marker.count
            let suffixStart = digitsStart + 12
            if Array(bytes[start..<digitsStart]) == marker,
                bytes[digitsStart..<suffixStart].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                Array(bytes[suffixStart..<(suffixStart + suffix.count)]) == suffix
            {
                return true
            }
            start += 1
        }
        return false
    }
}
