import COpenSSL

/// The one Swift wrapper over the COpenSSL shim: SHA-256, HMAC-SHA256, lowercase hex and a
/// constant-time comparison. Everything SigV4 hashes goes through here.
enum LibCrypto {
    /// SHA-256 of `bytes` (FIPS 180-4). libcrypto only fails on allocation failure, which
    /// leaves the all-zero digest; that digest can never match a real signature.
    static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBufferPointer { output in
                _ = ccs_sha256(input.baseAddress, input.count, output.baseAddress)
            }
        }
        return out
    }

    static func sha256(_ text: String) -> [UInt8] {
        sha256(Array(text.utf8))
    }

    /// HMAC-SHA256 (RFC 2104) of `data` under `key`.
    static func hmacSHA256(key: [UInt8], data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        key.withUnsafeBytes { keyBytes in
            data.withUnsafeBytes { dataBytes in
                out.withUnsafeMutableBufferPointer { output in
                    _ = ccs_hmac_sha256(
                        keyBytes.baseAddress, keyBytes.count, dataBytes.baseAddress, dataBytes.count,
                        output.baseAddress)
                }
            }
        }
        return out
    }

    static func hmacSHA256(key: [UInt8], data: String) -> [UInt8] {
        hmacSHA256(key: key, data: Array(data.utf8))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Lowercase base-16 encoding, as SigV4 requires for hashes and signatures.
    static func hex(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Compares two strings in time that depends only on their lengths, so that a verifier
    /// does not reveal how many leading characters of a guessed signature were right.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }
}
