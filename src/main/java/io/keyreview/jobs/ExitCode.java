package io.keyreview.jobs;

/** The process exit codes every job command returns. */
enum ExitCode {

	/** Done, or this period was already done: nothing to do. */
	DONE(0),
	/** Failed; running the same command again resumes it. */
	FAILED(1),
	/** Bad usage or configuration. */
	BAD_USAGE(2),
	/** Another run of this job is in progress. */
	ALREADY_RUNNING(3),
	/**
	 * Done, but some mail could not be delivered (it stays in the outbox), or the answers
	 * mailbox could not be read (its messages wait for the next night).
	 */
	MAIL_UNDELIVERED(4);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	int code() {
		return this.code;
	}

}
