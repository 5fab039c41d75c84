import Foundation

/// The ClientTokens of `create`, `patch` and `delete` when the script gives none.
///
/// Without a run id every call gets a fresh random token, as the SDKs do. With a run id
/// (`CCS_RUN_ID` on the command line) the token of a call is derived from the run id, the
/// operation, the type, the desired state or identifier and patch, and how many identical
/// calls this process made before it. A script interrupted in the middle of its creates and
/// re-run with the same run id therefore sends the same tokens in the same order, and Cloud
/// Control answers a token it has seen with the same input by returning the original request
/// (API reference, CreateResource: "ClientToken ... the same token with the same input returns
/// the original request", tokens kept 36 hours) instead of starting a second one: no
/// duplicate resource, even for types whose identifier the service generates.
///
/// The derivation needs the script's inputs to be deterministic: a desired state holding
/// `now()` changes the token and the re-run creates anew.
public final class ClientTokens {
    /// The run id, or nil for random tokens.
    public let runID: String?
    private let fresh: () -> String
    /// How many times each call key was seen in this process.
    private var occurrences: [String: Int] = [:]

    /// - Parameters:
    ///   - runID: derive tokens from this id (nil or empty: random tokens).
    ///   - fresh: a random token, used without a run id.
    public init(runID: String?, fresh: @escaping () -> String = { UUID().uuidString.lowercased() }) {
        self.runID = (runID?.isEmpty ?? true) ? nil : runID
        self.fresh = fresh
    }

    /// The token of one call, named by `parts` (operation, type, payload).
    func token(_ parts: [String]) -> String {
        guard let runID else { return fresh() }
        // NUL cannot occur in a type name or in JSON text, so the key is unambiguous.
        let key = ([runID] + parts).joined(separator: "\u{0}")
        let seen = occurrences[key, default: 0]
        occurrences[key] = seen + 1
        return "ccs-" + Self.digest(key + "\u{0}" + String(seen))
    }

    /// The token of the `attempt`th resubmission (1, 2...) of the request first sent with
    /// `original`: derived too, so a re-run that resubmits the same failed request replays
    /// the same resubmission.
    func resubmission(of original: String?, attempt: Int) -> String {
        guard runID != nil else { return fresh() }
        return token(["resubmit", original ?? "", String(attempt)])
    }

    /// 128-bit FNV-1a of the UTF-8 bytes as 32 hex digits. Not cryptographic, and it need not
    /// be: the token only has to differ between different calls of one account within the
    /// service's 36-hour token window, and it fits the API's ClientToken pattern
    /// `[-A-Za-z0-9+/=]+` (at most 128 characters).
    static func digest(_ text: String) -> String {
        // FNV-1a parameters for 128 bits (offset basis and prime from the FNV specification,
        // draft-eastlake-fnv section 5).
        var hash: UInt128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d
        let prime: UInt128 = 0x0000_0000_0100_0000_0000_0000_0000_013B
        for byte in text.utf8 {
            hash ^= UInt128(byte)
            hash = hash &* prime
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 32 - hex.count) + hex
    }
}
