package io.keyreview.pull;

/** The kinds of source the nightly pulls from, each with its own pages and mapping. */
public enum SourceType {

	OPENAI, ANTHROPIC, LITELLM, OPENROUTER, OKTA, SCIM

}
