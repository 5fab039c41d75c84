import Foundation

/// The client-wide retry quota of botocore's standard mode (botocore/retries/quota.py and the
/// "Retry behavior" page of the SDK reference): a bucket of 500 tokens; a retry takes 5 (10
/// after a timeout); a success refunds what its retries took, or 1 when it needed none. When the
/// bucket cannot pay, the failure is returned instead of retried, so a broken service does not
/// get hammered by every caller.
///
/// Shared by all calls of one client, hence a class with a lock.
public final class RetryQuota: @unchecked Sendable {
    public static let initialCapacity = 500
    public static let retryCost = 5
    public static let timeoutRetryCost = 10
    public static let noRetryRefund = 1

    private let lock = NSLock()
    private let capacity: Int
    private var available: Int

    public init(capacity: Int = RetryQuota.initialCapacity) {
        self.capacity = capacity
        self.available = capacity
    }

    /// Tokens left.
    public var availableCapacity: Int {
        lock.lock()
        defer { lock.unlock() }
        return available
    }

    /// Takes `amount` tokens; false (and nothing taken) when fewer are left.
    public func acquire(_ amount: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard amount <= available else { return false }
        available -= amount
        return true
    }

    /// Returns tokens, never above the initial capacity.
    public func release(_ amount: Int) {
        lock.lock()
        defer { lock.unlock() }
        available = min(capacity, available + amount)
    }
}
