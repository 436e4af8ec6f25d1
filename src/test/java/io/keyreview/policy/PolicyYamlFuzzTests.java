package io.keyreview.policy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.keyreview.intake.BadRowException;
import io.keyreview.intake.InputContract;
import io.keyreview.intake.InputFileException;

/**
 * Any text in a policy file ends as a policy or a rejected file with a line and a reason;
 * any text in {@code owners.yaml} ends as a directory or one sentence naming the file.
 */
class PolicyYamlFuzzTests {

	@FuzzTest
	void anyTextEndsAsAPolicyARejectOrOneSentence(byte[] input) {
		YamlDocument document = new YamlDocument("policies/fuzzed.yaml", new String(input, StandardCharsets.UTF_8));
		try {
			new PolicyProcessor(List.of()).process(document);
		}
		catch (BadRowException ex) {
			InputContract.assertRejected(ex);
		}
		try {
			DirectoryLoading.parse(new YamlDocument("directory/owners.yaml", document.text()));
		}
		catch (InputFileException ex) {
			InputContract.assertOneSentence(ex);
		}
	}

}
