import CCSCloud
import CloudControl
import CloudControlLocal
import Foundation

/// Builds the Cloud Control session scripts run against, from the global options: the
/// in-process emulator with `--local[=DB]`, else the HTTP client (AWS, or `ccs serve` through
/// `--endpoint-url` / `AWS_ENDPOINT_URL`). The service is created on the first Cloud Control
/// call, so scripts that make none need no credentials.
enum CloudWiring {
    static func session(_ global: GlobalOptions) -> CloudSession {
        let schemas = ShippedSchemas()
        return CloudSession(
            service: {
                if global.local {
                    return try LocalCloudControl(
                        databasePath: global.localDatabase ?? LocalConfiguration.defaultDatabasePath(),
                        registry: try schemas.registry())
                }
                return try remoteService(global)
            },
            schemas: schemas)
    }

    static func remoteService(_ global: GlobalOptions) throws -> CloudControlService {
        throw RemoteServiceUnavailable()
    }
}

/// Until the HTTP client is wired into this build, only `--local` can serve scripts.
struct RemoteServiceUnavailable: Error, CustomStringConvertible {
    var description: String {
        "the HTTP client is not wired into this build yet; run with --local to use the in-process emulator"
    }
}
