import Foundation

/// Where the engine reads the time. Request states are computed from timestamps, so a test
/// that injects its own clock controls every transition without sleeping.
public protocol EngineClock: AnyObject, Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    func now() -> Double
}

/// The wall clock.
public final class SystemClock: EngineClock {
    public init() {}
    public func now() -> Double { Date().timeIntervalSince1970 }
}
