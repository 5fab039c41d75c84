import Foundation
import JSONCore
import ResourceSchemas
import Testing

@testable import CloudControlLocal

/// A clock the test moves by hand.
final class ManualClock: EngineClock, @unchecked Sendable {
    private var time: Double
    private let lock = NSLock()

    init(_ start: Double = 1_800_000_000) {
        time = start
    }

    func now() -> Double {
        lock.lock()
        defer { lock.unlock() }
        return time
    }

    func advance(_ seconds: Double) {
        lock.lock()
        time += seconds
        lock.unlock()
    }
}

enum Support {
    /// One registry for all tests: schemas are parsed once.
    static let registry: SchemaRegistry = {
        do {
            return try SchemaRegistry()
        } catch {
            preconditionFailure("the shipped schemas must load: \(error)")
        }
    }()

    static let engineValidator = SchemaValidator()

    static func engine(
        latency: Double = 0, faults: String = "", clock: ManualClock = ManualClock(),
        path: String = ":memory:", references: Bool = true
    ) throws -> LocalCloudControl {
        var configuration = LocalConfiguration()
        configuration.references = references
        configuration.latency = latency
        configuration.faults = try FaultPlan(spec: faults)
        configuration.seed = 42
        return try LocalCloudControl(
            databasePath: path, configuration: configuration, registry: registry, clock: clock)
    }

    /// A fresh temporary directory for database files.
    static func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "ccs-local-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func examples() throws -> [String: JSONValue] {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/examples.json") else {
            throw LocalError("Fixture", "examples.json is missing")
        }
        guard case .object(let o) = try JSONParser.parse(Array(try Data(contentsOf: url))) else {
            throw LocalError("Fixture", "examples.json is not an object")
        }
        return Dictionary(uniqueKeysWithValues: o.map { ($0.key, $0.value) })
    }

    static func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }
}

/// Expects `body` to throw a `LocalError` with `code`; returns its message.
@discardableResult
func expectLocalError(
    _ code: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> String {
    do {
        try body()
        Issue.record("expected \(code), nothing was thrown", sourceLocation: sourceLocation)
    } catch let e as LocalError {
        #expect(e.code == code, "message: \(e.message)", sourceLocation: sourceLocation)
        return e.message
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
    }
    return ""
}
