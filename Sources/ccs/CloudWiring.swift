import CCSCloud
import CloudControl
import Foundation

/// Builds the Cloud Control session scripts run against, from the global options: the
/// in-process emulator with `--local[=DB]`, else the HTTP client (AWS, or `ccs serve` through
/// `--endpoint-url` / `AWS_ENDPOINT_URL`). The service is created on the first Cloud Control
/// call, so scripts that make none need no credentials. `ServiceFactory` builds the service,
/// as for `ccs api`, so scripts and the CLI see the same settings. `CCS_RUN_ID` makes the
/// ClientTokens of write calls derived rather than random (docs/HARDENING.md), so an
/// interrupted script re-run with the same id creates nothing twice.
enum CloudWiring {
    static func session(_ global: GlobalOptions) -> CloudSession {
        return CloudSession(
            service: { try ServiceFactory.makeService(global) },
            schemas: ShippedSchemas(),
            runID: ProcessInfo.processInfo.environment["CCS_RUN_ID"])
    }
}
