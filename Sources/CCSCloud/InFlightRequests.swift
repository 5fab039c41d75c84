import CCSLanguage
import CloudControl

/// The write requests (`create`, `patch`, `delete`) this session sent, so that a script
/// stopped by SIGINT or SIGTERM can say which of them were still in progress when it ended:
/// their tokens are what `status(token)`, `wait(token)` or the console need to follow them
/// up (issue 11). Finished requests are dropped as more are sent, so the list stays small.
final class InFlightRequests {
    private var requests: [RequestValue] = []

    func track(_ request: RequestValue) {
        if requests.count >= 256 { requests.removeAll { !Self.isPending($0) } }
        requests.append(request)
    }

    /// One line per request whose last known status is PENDING or IN_PROGRESS.
    func report() -> [String] {
        let pending = requests.filter(Self.isPending)
        guard !pending.isEmpty else { return [] }
        return ["ccs: \(pending.count) Cloud Control request(s) still in flight:"]
            + pending.map { request in
                let event = request.event
                let op = event.operation?.rawValue ?? "request"
                let target = [event.typeName, event.identifier].compactMap { $0 }.joined(separator: " ")
                let client = request.clientToken.map { ", ClientToken \($0)" } ?? ""
                return "  \(op) \(target): RequestToken \(request.token)\(client)"
            }
    }

    private static func isPending(_ request: RequestValue) -> Bool {
        guard let status = request.event.operationStatus else { return true }
        return status == .pending || status == .inProgress
    }
}
