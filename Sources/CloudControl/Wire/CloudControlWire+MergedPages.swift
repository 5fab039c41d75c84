import Foundation
import JSONCore

// `ccs api ... --paginate` prints what the AWS CLI prints for a paginated command: botocore's
// PageIterator.build_full_result (botocore/paginate.py) puts the aggregated result key first,
// then the members that are not aggregated (TypeName), and drops the NextToken.

extension CloudControlWire {
    /// The merged pages of a list operation as indented JSON with ISO 8601 timestamps: the
    /// member `resultKey` first, then the other members in model order, without `NextToken`.
    public static func renderMergedPagesForCLI<Output: PaginatedOutput>(
        _ output: Output, resultKey: String, timeZone: TimeZone = .current
    ) throws -> String {
        JSONWriter(style: .indented(spaces: 4)).string(
            try mergedPagesDocumentForCLI(output, resultKey: resultKey, timeZone: timeZone))
    }

    /// The document `renderMergedPagesForCLI` writes.
    public static func mergedPagesDocumentForCLI<Output: PaginatedOutput>(
        _ output: Output, resultKey: String, timeZone: TimeZone = .current
    ) throws -> JSONValue {
        let encoder = WireEncoder(dateEncoding: { .string(isoTimestamp($0, timeZone: timeZone)) })
        var document = try encoder.encode(output)
        if case .object(let members) = document {
            var merged: JSONObject = [resultKey: members[resultKey] ?? .array([])]
            for (key, value) in members where key != resultKey && key != "NextToken" {
                merged[key] = value
            }
            document = .object(merged)
        }
        return document
    }
}
