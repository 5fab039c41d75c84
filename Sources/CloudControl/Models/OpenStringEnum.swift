/// A string enumeration of the service model that keeps any value it does not know.
///
/// The service adds enum values over time (HandlerErrorCode grew several); a client must not
/// fail to decode a response because of one, so each enum is a struct over its raw string with
/// the known values as static members, and decoding never fails on an unknown value.
public protocol OpenStringEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
where RawValue == String, StringLiteralType == String {
    /// The values the service model (or the API reference) lists, in model order.
    static var knownValues: [Self] { get }
    /// Wraps any raw wire value, known or not.
    init(rawValue: String)
}

extension OpenStringEnum {
    /// Whether the value is one the model lists; unknown values round-trip unchanged.
    public var isKnown: Bool { Self.knownValues.contains(self) }

    public var description: String { rawValue }

    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
