/// Rates of injected faults, parsed from a spec such as
/// `throttle=0.2,5xx=0.05,drop=0.05,failed-throttle=0.05,notfound-after-create=0.1,seed=7`.
///
/// Each rate is a probability from 0 to 1. `throttle`, `5xx` and `drop` are applied by the HTTP
/// server (ThrottlingException responses, ServiceInternalErrorException responses, connections
/// closed without a response); the engine applies `failed-throttle` (a mutating request ends
/// FAILED with ErrorCode Throttling) and `notfound-after-create` (GetResource answers
/// ResourceNotFoundException for `notFoundWindow` seconds after a create succeeds, as the real
/// service's eventual consistency can). `seed` makes the draws reproducible;
/// `notfound-window=SECONDS` sets the window. `hook=TYPE` (repeatable) is a hook plan rather
/// than a fault: every mutating request is reported as having run a pre-provision hook of that
/// type, in GetResourceRequestStatus's HooksProgressEvent. The empty spec, or `none`, injects
/// nothing.
public struct FaultPlan: Sendable, Equatable {
    public var throttle: Double = 0
    public var serverError: Double = 0
    public var drop: Double = 0
    public var failedThrottle: Double = 0
    public var notFoundAfterCreate: Double = 0
    /// How long a freshly created resource stays invisible when `notfound-after-create` hits.
    public var notFoundWindow: Double = 1
    public var seed: UInt64?
    /// Hook type names (`MyOrg::Security::Check`) every create, update and delete invokes.
    public var hooks: [String] = []

    /// No faults.
    public static let none = FaultPlan()

    public init() {}

    /// Parses a spec string. Throws `FaultPlanError` naming the faulty entry.
    public init(spec: String) throws {
        let trimmed = spec.trimmingSpaces
        if trimmed.isEmpty || trimmed == "none" { return }
        for entry in trimmed.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw FaultPlanError(entry: String(entry), message: "expected NAME=VALUE")
            }
            let (name, text) = (parts[0], parts[1])
            if name == "seed" {
                guard let seed = UInt64(text) else {
                    throw FaultPlanError(entry: String(entry), message: "seed must be a non-negative integer")
                }
                self.seed = seed
                continue
            }
            if name == "hook" {
                guard text.split(separator: ":", omittingEmptySubsequences: false).count == 5 else {
                    throw FaultPlanError(
                        entry: String(entry), message: "a hook is a type name of three parts, e.g. MyOrg::Security::Check")
                }
                hooks.append(text)
                continue
            }
            guard let value = Double(text), value.isFinite, value >= 0 else {
                throw FaultPlanError(entry: String(entry), message: "'\(text)' is not a non-negative number")
            }
            if name != "notfound-window" && value > 1 {
                throw FaultPlanError(entry: String(entry), message: "a rate must be between 0 and 1")
            }
            switch name {
            case "throttle": throttle = value
            case "5xx": serverError = value
            case "drop": drop = value
            case "failed-throttle": failedThrottle = value
            case "notfound-after-create": notFoundAfterCreate = value
            case "notfound-window": notFoundWindow = value
            default:
                throw FaultPlanError(
                    entry: String(entry),
                    message:
                        "unknown fault '\(name)' (known: throttle, 5xx, drop, failed-throttle, notfound-after-create, notfound-window, seed, hook)"
                )
            }
        }
    }

    /// True when any fault has a non-zero rate.
    public var isActive: Bool {
        throttle > 0 || serverError > 0 || drop > 0 || failedThrottle > 0 || notFoundAfterCreate > 0
    }
}
