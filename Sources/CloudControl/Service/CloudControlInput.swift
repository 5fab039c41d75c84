/// An input shape of one operation, tied to its output shape and its operation name, so that
/// the client, the wire codec and the emulator's server can handle all eight generically.
public protocol CloudControlInput: Codable, Sendable, Equatable {
    /// The output shape the operation returns.
    associatedtype Output: CloudControlOutput
    /// The operation this input belongs to.
    static var operation: APIOperation { get }
    /// Checks the constraints of the service model (required members, lengths, patterns,
    /// ranges, enum members) before anything is sent; throws `ParameterValidationError`.
    func validate() throws
    /// The wire names of the shape's members by object path (`""` for the input itself,
    /// `"ResourceRequestStatusFilter"` for a nested structure), for strict input decoding.
    static var wireMembers: [String: [String]] { get }
}

/// An output shape of one operation.
public protocol CloudControlOutput: Codable, Sendable, Equatable {}
