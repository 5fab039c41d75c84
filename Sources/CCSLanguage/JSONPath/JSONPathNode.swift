/// One node of a query's result: the value and its normalized path (RFC 9535 §2.7).
public struct JSONPathNode {
    /// The normalized path, e.g. `$['store']['book'][0]`.
    public let path: String
    public let value: Value
}

/// One step of a location: a member name or an array index.
enum PathStep {
    case name(String)
    case index(Int)
}

/// What the evaluator carries through segments: just the value, or the value with its
/// location. The evaluator is generic over this, so plain evaluation builds no paths.
protocol PathNodeType {
    var value: Value { get }
    func child(_ value: Value, _ step: @autoclosure () -> PathStep) -> Self
}

struct PlainNode: PathNodeType {
    let value: Value

    @inline(__always)
    func child(_ value: Value, _ step: @autoclosure () -> PathStep) -> PlainNode { PlainNode(value: value) }
}

struct LocatedNode: PathNodeType {
    let value: Value
    let location: Location?

    func child(_ value: Value, _ step: @autoclosure () -> PathStep) -> LocatedNode {
        LocatedNode(value: value, location: Location(parent: location, step: step()))
    }

    /// A location as a chain to the root: appending a step costs one allocation, not a copy
    /// of the whole path.
    final class Location {
        let parent: Location?
        let step: PathStep

        init(parent: Location?, step: PathStep) {
            self.parent = parent
            self.step = step
        }
    }

    /// normalized-path = root-identifier *(normal-index-segment) (§2.7)
    var normalizedPath: String {
        var steps: [PathStep] = []
        var cursor = location
        while let current = cursor {
            steps.append(current.step)
            cursor = current.parent
        }
        var text = "$"
        for step in steps.reversed() {
            switch step {
            case .index(let index): text += "[\(index)]"
            case .name(let name): text += "['" + Self.escape(name) + "']"
            }
        }
        return text
    }

    /// normal-single-quoted (§2.7): `'` and `\` escaped, control characters as \b \f \n \r \t
    /// or \u00xx with lowercase hex.
    static func escape(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "'": result += "\\'"
            case "\\": result += "\\\\"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u00" + (hex.count == 1 ? "0" + hex : hex)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
