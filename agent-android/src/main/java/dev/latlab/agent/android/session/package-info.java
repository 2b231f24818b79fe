/**
 * The agent the service runs, without Android: settings and their validation, the collector
 * client over gRPC's OkHttp transport with the pausing executor, and the status the screen and
 * notification show.
 */
package dev.latlab.agent.android.session;
