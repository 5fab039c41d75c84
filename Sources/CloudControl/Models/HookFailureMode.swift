/// What a failing hook does to the request (`HookProgressEvent.FailureMode`). A free string in
/// the model (pattern `[-A-Za-z_]+`); the documented modes are FAIL and WARN.
public struct HookFailureMode: OpenStringEnum {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let fail = HookFailureMode(rawValue: "FAIL")
    public static let warn = HookFailureMode(rawValue: "WARN")

    public static let knownValues: [HookFailureMode] = [.fail, .warn]
}
