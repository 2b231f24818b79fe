/**
 * The phone's state as plain values: {@link dev.latlab.agent.android.device.DeviceState}, the pause
 * policy (thermal status, battery), the monitor that applies it, and the environment recorded with
 * every result.
 */
package dev.latlab.agent.android.device;
