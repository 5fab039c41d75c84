import CCSCloud
import CloudControl
import CloudControlLocal
import Foundation

/// Builds the Cloud Control session scripts run against, from the global options: the
/// in-process emulator with `--local[=DB]`, else the HTTP client (AWS, or `ccs serve` through
/// `--endpoint-url` / `AWS_ENDPOINT_URL`). The service is created on the first Cloud Control
/// call, so scripts that make none need no credentials. The in-process engine shares the
/// session's schema registry, so `schema()` and the engine see the same types. `CCS_RUN_ID`
/// makes the ClientTokens of write calls derived rather than random (docs/HARDENING.md), so
/// an interrupted script re-run with the same id creates nothing twice.
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
                return try ServiceFactory.makeHTTPClient(
                    global, environment: ProcessInfo.processInfo.environment)
            },
            schemas: schemas,
            runID: ProcessInfo.processInfo.environment["CCS_RUN_ID"])
    }
}
