package pe.gob.pcm.platform.config;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The transaction manager: Spring Boot's, plus the group commit on a file-based H2 database. */
@Configuration(proxyBeanMethods = false)
public class TransactionConfiguration {

  @Bean
  GroupCommitTransactionManager transactionManager(DataSource dataSource,
      @Value("${spring.datasource.url:}") String url,
      ObjectProvider<TransactionManagerCustomizers> customizers) {
    GroupCommitTransactionManager manager = new GroupCommitTransactionManager(dataSource,
        url.startsWith("jdbc:h2:file:") ? new H2GroupCommit() : null);
    customizers.ifAvailable(c -> c.customize(manager));
    return manager;
  }
}
