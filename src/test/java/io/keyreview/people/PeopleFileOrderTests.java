package io.keyreview.people;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People files are read HR first: a person an identity provider lists too is loaded as HR
 * lists them, whatever the files are called.
 */
class PeopleFileOrderTests {

	@Test
	void readsTheIdentityProvidersFilesAfterTheOthersEachInNameOrder() {
		List<Resource> files = List.of(new FileSystemResource("people/people.csv"),
				new FileSystemResource("people/okta.csv"), new FileSystemResource("people/contractors.csv"),
				new FileSystemResource("people/entra.csv"));

		assertThat(files.stream()
			.sorted(PeopleConfiguration.identityProvidersLast(Set.of("okta.csv", "entra.csv")))
			.map(Resource::getFilename)).containsExactly("contractors.csv", "people.csv", "entra.csv", "okta.csv");
	}

}
