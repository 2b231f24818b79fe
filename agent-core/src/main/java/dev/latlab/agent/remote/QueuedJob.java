package dev.latlab.agent.remote;

import dev.latlab.proto.v1.JobAssignment;

/**
 * A job waiting for or in the worker, with the session that assigned it: only a job of the current
 * session frees a credit of that session when it is done.
 *
 * @param job the assignment
 * @param session the session it came on
 */
record QueuedJob(JobAssignment job, Session session) {}
