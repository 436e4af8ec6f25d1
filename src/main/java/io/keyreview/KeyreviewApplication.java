package io.keyreview;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KeyreviewApplication {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(KeyreviewApplication.class, args)));
	}

}
