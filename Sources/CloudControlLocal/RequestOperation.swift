/// The operation a request performs (Cloud Control `Operation`).
public enum RequestOperation: String, Sendable, CaseIterable {
    case create = "CREATE"
    case update = "UPDATE"
    case delete = "DELETE"
}
