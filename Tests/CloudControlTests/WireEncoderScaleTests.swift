import CloudControl
import JSONCore
import Foundation
import Testing

/// `ccs api ListResources --paginate` merges every page into one output and encodes it once
/// (issue 16, F14). The encoder appended each element by copying the array built so far, so
/// 40,000 items took 15 s and 100,000 never finished in reasonable time. Linear,
/// 100,000 items take well under a second in a release build; the bound leaves room for a debug build on a
/// loaded machine, and a quadratic encoder (2·10^10 element copies) cannot meet it.
@Suite struct WireEncoderScaleTests {
    @Test func encodingAHugeMergedListIsLinear() throws {
        let count = 100_000
        var output = try CloudControlWire.decodeOutput(ListResourcesOutput.self, body: Array(#"{"TypeName":"AWS::Logs::LogGroup"}"#.utf8))
        output.pageItems = (0..<count).map { ResourceDescription(identifier: "r\($0)", properties: "{}") }
        let start = Date()
        let document = try CloudControlWire.mergedPagesDocumentForCLI(output, resultKey: "ResourceDescriptions")
        let elapsed = Date().timeIntervalSince(start)
        #expect(document.objectValue?["ResourceDescriptions"]?.arrayValue?.count == count)
        #expect(elapsed < 30, "encoding \(count) items took \(elapsed) s")
    }
}
