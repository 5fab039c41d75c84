import CloudControlLocal
import NIOConcurrencyHelpers

/// The HTTP-layer share of a `FaultPlan`: throttling, server errors and dropped connections.
/// Draws come from one seeded generator under a lock, so a run with `seed=N` sees the same
/// sequence of faults for the same sequence of requests.
final class HTTPFaultInjector: Sendable {
    /// What to do with one request.
    enum Decision: Equatable {
        case none
        case throttle
        case serverError
        /// Run the request, then close the connection instead of answering: the client cannot
        /// tell whether it was applied, which is what retries with a ClientToken are for.
        case drop
    }

    private let plan: FaultPlan
    private let random: NIOLockedValueBox<SeededRandom>

    init(plan: FaultPlan) {
        self.plan = plan
        // Offset from the engine's seed so the two draw sequences are not the same numbers.
        let generator = plan.seed.map { SeededRandom(seed: $0 ^ 0x5EED_F00D_CAFE_0001) } ?? SeededRandom()
        random = NIOLockedValueBox(generator)
    }

    var isActive: Bool { plan.throttle > 0 || plan.serverError > 0 || plan.drop > 0 }

    /// One independent draw per fault kind, in a fixed order: throttle, 5xx, drop.
    func decide() -> Decision {
        guard isActive else { return .none }
        let (a, b, c) = random.withLockedValue { generator in
            (Double.random(in: 0..<1, using: &generator), Double.random(in: 0..<1, using: &generator),
             Double.random(in: 0..<1, using: &generator))
        }
        if a < plan.throttle { return .throttle }
        if b < plan.serverError { return .serverError }
        if c < plan.drop { return .drop }
        return .none
    }
}
