import CCSCloud
import CloudControl
import CloudControlLocal
import Foundation

/// Builds the Cloud Control session scripts run against, from the global options: the
/// in-process emulator with `--local[=DB]`, else the HTTP client (AWS, or `ccs serve` through
/// `--endpoint-url` / `AWS_ENDPOINT_URL`). The service is created on the first Cloud Control
/// call, so scripts that make none need no credentials. `ServiceFactory` builds the service,
/// as for `ccs api`, so scripts and the CLI see the same settings. `CCS_RUN_ID` makes the
/// ClientTokens of write calls derived rather than random (docs/HARDENING.md), so an
/// interrupted script re-run with the same id creates nothing twice.
///
/// Schemas: the shipped ones and the extra folders (`SchemaFolders`) first; then, for an HTTP
/// backend, CloudFormation's DescribeType against the same endpoint settings (cached for the
/// session and for a day on disk). With `--local` the engine shares the folders' registry, so
/// scripts and the engine know the same types.
enum CloudWiring {
    static func session(
        _ global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> CloudSession {
        let shipped = ShippedSchemas(directories: SchemaFolders.resolve(global, environment: environment))
        let runID = environment["CCS_RUN_ID"]
        if global.local {
            return CloudSession(
                service: { try ServiceFactory.makeLocalService(global, registry: try shipped.registry()) },
                schemas: shipped, runID: runID)
        }
        let describeType = DescribeTypeSchemas(
            client: { try ServiceFactory.makeCloudFormationClient(global, environment: environment) },
            diskCache: ServiceFactory.schemaDiskCache(global, environment: environment))
        return CloudSession(
            service: { try ServiceFactory.makeService(global, environment: environment) },
            schemas: SchemaSourceChain([shipped, describeType]), runID: runID)
    }
}
