/// The `Operation` enum of the service model: the kind of resource operation a request
/// performs. Named ResourceOperation in Swift so that it never collides with Foundation's
/// `Operation` class in files that import both.
public struct ResourceOperation: OpenStringEnum {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let create = ResourceOperation(rawValue: "CREATE")
    public static let delete = ResourceOperation(rawValue: "DELETE")
    public static let update = ResourceOperation(rawValue: "UPDATE")

    public static let knownValues: [ResourceOperation] = [.create, .delete, .update]
}
