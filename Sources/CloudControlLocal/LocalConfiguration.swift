import Foundation

/// Settings of the local emulator.
public struct LocalConfiguration: Sendable {
    /// The region in generated ARNs and URLs.
    public var region: String = "us-east-1"
    /// The account id in generated ARNs and URLs.
    public var account: String = "123456789012"
    /// Seconds each request phase lasts (PENDING, then IN_PROGRESS; a cancel's
    /// CANCEL_IN_PROGRESS). 0 completes requests within the call that makes them.
    public var latency: Double = 0.2
    /// Injected faults; none by default.
    public var faults: FaultPlan = .none
    /// ListResources page size when MaxResults is not given (what the service returns; its
    /// documentation calls MaxResults "Reserved").
    public var defaultPageSize: Int = 25
    /// ListResourceRequests page size when MaxResults is not given: 20, as the API reference
    /// documents ("The default is 20", ListResourceRequests MaxResults).
    public var defaultRequestsPageSize: Int = 20
    /// Seed for generated ids and names and for fault draws; random when nil (a fault plan's
    /// own `seed` wins).
    public var seed: UInt64?
    /// Enforce references between resources (docs/EMULATOR.md, "References"): a create or
    /// update naming a missing VPC, log group, REST API... fails NotFound, and deleting what
    /// others refer to fails ResourceConflict. Off for tests that seed data out of order
    /// (`ccs serve --no-references`).
    public var references: Bool = true

    public init() {}

    /// The default database for `--local`: `$XDG_DATA_HOME/ccs/local.sqlite`, else
    /// `~/.local/share/ccs/local.sqlite` (XDG Base Directory specification).
    public static func defaultDatabasePath(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return xdg + "/ccs/local.sqlite"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/ccs/local.sqlite"
    }
}
