import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { UserDto } from '../../users/dto/user.dto.js';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString() @MinLength(1) @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString() @MinLength(1) @MaxLength(200)
  password: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`; the web client uses the cookie set alongside.' })
  accessToken: string;

  @ApiProperty({ description: 'Seconds until the token expires.' })
  expiresIn: number;

  @ApiProperty({ type: () => UserDto })
  user: UserDto;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString() @MinLength(1) @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString() @MinLength(10) @MaxLength(200)
  newPassword: string;
}
